// The directory held in memory as columns (one array per field), and its chunked storage form.
// Columns load from IndexedDB in a few big reads; never build 100,000 objects up front.

import { ROLES } from '../../shared/sync/server-api';
import type { ConfigurationItem, User, UserHit } from '../../shared/domain/directory';
import type { DirectoryChunk } from './db';

export const CHUNK_SIZE = 2000;

const USER_COLUMNS = [
  'id',
  'userName',
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'employeeId',
  'department',
  'location',
  'roles',
  'mobile',
  'phoneE164',
  'mobileE164',
] as const;
type UserColumn = (typeof USER_COLUMNS)[number];

/** Columns that chunks stored before they existed lack: read as ''. */
const LATER_COLUMNS = new Set<string>(['mobile', 'phoneE164', 'mobileE164']);

/** A user's flags, one byte per user: bit 0 VIP, bit 1 deactivated (so 0 = an active non-VIP). */
export const VIP_FLAG = 1;
export const INACTIVE_FLAG = 2;
const flagsOf = (user: Pick<User, 'vip' | 'active'>): number =>
  (user.vip ? VIP_FLAG : 0) | (user.active ? 0 : INACTIVE_FLAG);

const ITEM_COLUMNS = ['id', 'name', 'className', 'parentId', 'location'] as const;
type ItemColumn = (typeof ITEM_COLUMNS)[number];

type Columns<C extends string> = Record<C, string[]>;

function emptyColumns<C extends string>(names: readonly C[]): Columns<C> {
  return Object.fromEntries(names.map((n) => [n, [] as string[]])) as Columns<C>;
}

function appendChunk<C extends string>(
  target: Columns<C>,
  names: readonly C[],
  chunk: DirectoryChunk,
): void {
  for (const name of names) {
    const source =
      chunk.columns[name] ??
      (LATER_COLUMNS.has(name) ? new Array<string>(chunk.count).fill('') : undefined);
    if (source?.length !== chunk.count)
      throw new Error(`Directory chunk ${chunk.kind}/${chunk.seq} lacks ${name}.`);
    const column = target[name];
    for (let i = 0; i < source.length; i++) column.push(source[i] as string);
  }
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) map.set(ids[i] as string, i);
  return map;
}

const ROLE_NAMES = new Set<string>(ROLES);

export class UserTable {
  readonly columns: Readonly<Columns<UserColumn>>;
  /** Per user: VIP_FLAG | INACTIVE_FLAG. */
  readonly flags: Uint8Array;
  readonly count: number;
  private readonly byId: Map<string, number>;

  /** `byId` when the caller already has it (a builder): saves a pass over 100,000 ids. */
  constructor(
    columns: Readonly<Columns<UserColumn>>,
    flags: Uint8Array,
    byId?: Map<string, number>,
  ) {
    this.columns = columns;
    this.flags = flags;
    this.count = columns.id.length;
    this.byId = byId ?? indexOf(columns.id);
  }

  static fromUsers(users: readonly User[]): UserTable {
    const columns = emptyColumns(USER_COLUMNS);
    for (const user of users) {
      for (const name of USER_COLUMNS)
        columns[name].push(name === 'roles' ? user.roles.join(',') : user[name]);
    }
    return new UserTable(columns, Uint8Array.from(users, flagsOf));
  }

  static fromChunks(chunks: readonly DirectoryChunk[]): UserTable {
    const columns = emptyColumns(USER_COLUMNS);
    const flags: number[] = [];
    for (const chunk of chunks) {
      appendChunk(columns, USER_COLUMNS, chunk);
      for (let i = 0; i < chunk.count; i++) flags.push(chunk.flags?.[i] ?? 0);
    }
    return new UserTable(columns, Uint8Array.from(flags));
  }

  /** The stored form, numbered from `firstSeq` (the directory's chunk base). */
  toChunks(firstSeq = 0, size = CHUNK_SIZE): DirectoryChunk[] {
    return chunked('users', this.columns, USER_COLUMNS, this.count, size, firstSeq, this.flags);
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The column value at row `i`; '' outside the table. */
  at(column: UserColumn, i: number): string {
    return this.columns[column][i] ?? '';
  }

  /** False for a deactivated user: kept for names on past records, out of the caller lookup. */
  isActive(i: number): boolean {
    return ((this.flags[i] ?? 0) & INACTIVE_FLAG) === 0;
  }

  private isVip(i: number): boolean {
    return ((this.flags[i] ?? 0) & VIP_FLAG) !== 0;
  }

  user(i: number): User {
    const roles = this.at('roles', i);
    return {
      id: this.at('id', i),
      userName: this.at('userName', i),
      firstName: this.at('firstName', i),
      lastName: this.at('lastName', i),
      name: this.at('name', i),
      email: this.at('email', i),
      phone: this.at('phone', i),
      employeeId: this.at('employeeId', i),
      department: this.at('department', i),
      location: this.at('location', i),
      vip: this.isVip(i),
      active: this.isActive(i),
      mobile: this.at('mobile', i),
      phoneE164: this.at('phoneE164', i),
      mobileE164: this.at('mobileE164', i),
      roles:
        roles === '' ? [] : (roles.split(',').filter((r) => ROLE_NAMES.has(r)) as User['roles']),
    };
  }

  hit(i: number): UserHit {
    return {
      id: this.at('id', i),
      name: this.at('name', i),
      userName: this.at('userName', i),
      email: this.at('email', i),
      phone: this.at('phone', i),
      employeeId: this.at('employeeId', i),
      department: this.at('department', i),
      location: this.at('location', i),
      vip: this.isVip(i),
    };
  }

  userById(id: string): User | null {
    const i = this.byId.get(id);
    return i === undefined ? null : this.user(i);
  }

  nameOf(id: string): string | null {
    const i = this.byId.get(id);
    return i === undefined ? null : this.at('name', i);
  }
}

export class ItemTable {
  readonly columns: Readonly<Columns<ItemColumn>>;
  /** 1: retired (out of the Component lookup, still named on records); stored as the chunk's flags. */
  readonly retired: Uint8Array;
  readonly count: number;
  private readonly byId: Map<string, number>;

  constructor(
    columns: Readonly<Columns<ItemColumn>>,
    retired?: Uint8Array,
    byId?: Map<string, number>,
  ) {
    this.columns = columns;
    this.count = columns.id.length;
    this.retired = retired ?? new Uint8Array(this.count);
    this.byId = byId ?? indexOf(columns.id);
  }

  static fromItems(items: readonly ConfigurationItem[]): ItemTable {
    const columns = emptyColumns(ITEM_COLUMNS);
    for (const item of items) {
      for (const name of ITEM_COLUMNS)
        columns[name].push(name === 'parentId' ? (item.parentId ?? '') : item[name]);
    }
    return new ItemTable(
      columns,
      Uint8Array.from(items, (i) => (i.active === false ? 1 : 0)),
    );
  }

  static fromChunks(chunks: readonly DirectoryChunk[]): ItemTable {
    const columns = emptyColumns(ITEM_COLUMNS);
    const retired: number[] = [];
    for (const chunk of chunks) {
      appendChunk(columns, ITEM_COLUMNS, chunk);
      for (let i = 0; i < chunk.count; i++) retired.push(chunk.flags?.[i] ?? 0);
    }
    return new ItemTable(columns, Uint8Array.from(retired));
  }

  toChunks(firstSeq = 0, size = CHUNK_SIZE): DirectoryChunk[] {
    return chunked(
      'configurationItems',
      this.columns,
      ITEM_COLUMNS,
      this.count,
      size,
      firstSeq,
      this.retired,
    );
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  at(column: ItemColumn, i: number): string {
    return this.columns[column][i] ?? '';
  }

  item(i: number): ConfigurationItem {
    const parentId = this.at('parentId', i);
    return {
      id: this.at('id', i),
      name: this.at('name', i),
      className: this.at('className', i),
      parentId: parentId === '' ? null : parentId,
      location: this.at('location', i),
      ...(this.retired[i] === 1 ? { active: false } : {}),
    };
  }
}

function flagSlice(flags: Uint8Array | readonly number[], start: number, end: number): Uint8Array {
  return flags instanceof Uint8Array
    ? flags.slice(start, end)
    : Uint8Array.from(flags.slice(start, end));
}

/** Rows [start, end) as one stored chunk numbered `seq`. */
function sliceChunk<C extends string>(
  kind: DirectoryChunk['kind'],
  columns: Readonly<Columns<C>>,
  names: readonly C[],
  seq: number,
  start: number,
  end: number,
  flags?: Uint8Array | readonly number[],
): DirectoryChunk {
  const slice = Object.fromEntries(names.map((n) => [n, columns[n].slice(start, end)]));
  return {
    kind,
    seq,
    count: end - start,
    columns: slice,
    ...(flags ? { flags: flagSlice(flags, start, end) } : {}),
  };
}

function chunked<C extends string>(
  kind: DirectoryChunk['kind'],
  columns: Readonly<Columns<C>>,
  names: readonly C[],
  count: number,
  size: number,
  firstSeq: number,
  flags?: Uint8Array,
): DirectoryChunk[] {
  const chunks: DirectoryChunk[] = [];
  for (let start = 0, seq = firstSeq; start < count; start += size, seq++) {
    const end = Math.min(count, start + size);
    chunks.push(sliceChunk(kind, columns, names, seq, start, end, flags));
  }
  return chunks;
}

/**
 * Columns filled row by row as a download's pages arrive, so the table exists the moment the
 * last page does. A row that comes again (it changed during the download) is replaced in place.
 */
class TableBuilder<C extends string> {
  readonly columns: Columns<C>;
  readonly byId = new Map<string, number>();
  /** Rows written more than once: their stored chunk, and anything built from them, is stale. */
  readonly rewritten = new Set<number>();
  private readonly kind: DirectoryChunk['kind'];
  private readonly names: readonly C[];

  constructor(kind: DirectoryChunk['kind'], names: readonly C[]) {
    this.kind = kind;
    this.names = names;
    this.columns = emptyColumns(names);
  }

  get count(): number {
    return this.byId.size;
  }

  /** Where a row with this id goes: its old place, or a new one at the end. */
  protected place(id: string): number {
    const known = this.byId.get(id);
    if (known !== undefined) {
      this.rewritten.add(known);
      return known;
    }
    const row = this.byId.size;
    this.byId.set(id, row);
    return row;
  }

  /** Rows [start, end) in their stored form. */
  chunk(seq: number, start: number, end: number, flags?: readonly number[]): DirectoryChunk {
    return sliceChunk(this.kind, this.columns, this.names, seq, start, end, flags);
  }
}

export class UserTableBuilder extends TableBuilder<UserColumn> {
  private readonly flags: number[] = [];

  constructor() {
    super('users', USER_COLUMNS);
  }

  add(user: User): number {
    const row = this.place(user.id);
    const c = this.columns;
    // Field by field, not through USER_COLUMNS: this runs for every user of a download.
    c.id[row] = user.id;
    c.userName[row] = user.userName;
    c.firstName[row] = user.firstName;
    c.lastName[row] = user.lastName;
    c.name[row] = user.name;
    c.email[row] = user.email;
    c.phone[row] = user.phone;
    c.employeeId[row] = user.employeeId;
    c.department[row] = user.department;
    c.location[row] = user.location;
    c.roles[row] = user.roles.join(',');
    c.mobile[row] = user.mobile;
    c.phoneE164[row] = user.phoneE164;
    c.mobileE164[row] = user.mobileE164;
    this.flags[row] = flagsOf(user);
    return row;
  }

  override chunk(seq: number, start: number, end: number): DirectoryChunk {
    return super.chunk(seq, start, end, this.flags);
  }

  build(): UserTable {
    return new UserTable(this.columns, Uint8Array.from(this.flags), this.byId);
  }
}

export class ItemTableBuilder extends TableBuilder<ItemColumn> {
  private readonly retired: number[] = [];

  constructor() {
    super('configurationItems', ITEM_COLUMNS);
  }

  add(item: ConfigurationItem): number {
    const row = this.place(item.id);
    const c = this.columns;
    c.id[row] = item.id;
    c.name[row] = item.name;
    c.className[row] = item.className;
    c.parentId[row] = item.parentId ?? '';
    c.location[row] = item.location;
    this.retired[row] = item.active === false ? 1 : 0;
    return row;
  }

  override chunk(seq: number, start: number, end: number): DirectoryChunk {
    return super.chunk(seq, start, end, this.retired);
  }

  build(): ItemTable {
    return new ItemTable(this.columns, Uint8Array.from(this.retired), this.byId);
  }
}
