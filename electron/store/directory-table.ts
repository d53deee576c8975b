// The directory held in memory as columns (one array per field), and its chunked storage form.
// Columns load from IndexedDB in a few big reads; never build 100,000 objects up front.

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
] as const;
type UserColumn = (typeof USER_COLUMNS)[number];

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
    const source = chunk.columns[name];
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

const ROLE_NAMES = new Set<string>(['agent', 'technician', 'admin']);

export class UserTable {
  readonly columns: Readonly<Columns<UserColumn>>;
  readonly vip: Uint8Array;
  readonly count: number;
  private readonly byId: Map<string, number>;

  constructor(columns: Readonly<Columns<UserColumn>>, vip: Uint8Array) {
    this.columns = columns;
    this.vip = vip;
    this.count = columns.id.length;
    this.byId = indexOf(columns.id);
  }

  static fromUsers(users: readonly User[]): UserTable {
    const columns = emptyColumns(USER_COLUMNS);
    for (const user of users) {
      for (const name of USER_COLUMNS)
        columns[name].push(name === 'roles' ? user.roles.join(',') : user[name]);
    }
    return new UserTable(
      columns,
      Uint8Array.from(users, (u) => (u.vip ? 1 : 0)),
    );
  }

  static fromChunks(chunks: readonly DirectoryChunk[]): UserTable {
    const columns = emptyColumns(USER_COLUMNS);
    const vip: number[] = [];
    for (const chunk of chunks) {
      appendChunk(columns, USER_COLUMNS, chunk);
      for (let i = 0; i < chunk.count; i++) vip.push(chunk.flags?.[i] ?? 0);
    }
    return new UserTable(columns, Uint8Array.from(vip));
  }

  toChunks(size = CHUNK_SIZE): DirectoryChunk[] {
    return chunked('users', this.columns, USER_COLUMNS, this.count, size, this.vip);
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The column value at row `i`; '' outside the table. */
  at(column: UserColumn, i: number): string {
    return this.columns[column][i] ?? '';
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
      vip: this.vip[i] === 1,
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
      vip: this.vip[i] === 1,
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
  readonly count: number;
  private readonly byId: Map<string, number>;

  constructor(columns: Readonly<Columns<ItemColumn>>) {
    this.columns = columns;
    this.count = columns.id.length;
    this.byId = indexOf(columns.id);
  }

  static fromItems(items: readonly ConfigurationItem[]): ItemTable {
    const columns = emptyColumns(ITEM_COLUMNS);
    for (const item of items) {
      for (const name of ITEM_COLUMNS)
        columns[name].push(name === 'parentId' ? (item.parentId ?? '') : item[name]);
    }
    return new ItemTable(columns);
  }

  static fromChunks(chunks: readonly DirectoryChunk[]): ItemTable {
    const columns = emptyColumns(ITEM_COLUMNS);
    for (const chunk of chunks) appendChunk(columns, ITEM_COLUMNS, chunk);
    return new ItemTable(columns);
  }

  toChunks(size = CHUNK_SIZE): DirectoryChunk[] {
    return chunked('configurationItems', this.columns, ITEM_COLUMNS, this.count, size);
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
    };
  }
}

function chunked<C extends string>(
  kind: DirectoryChunk['kind'],
  columns: Readonly<Columns<C>>,
  names: readonly C[],
  count: number,
  size: number,
  flags?: Uint8Array,
): DirectoryChunk[] {
  const chunks: DirectoryChunk[] = [];
  for (let start = 0, seq = 0; start < count; start += size, seq++) {
    const end = Math.min(count, start + size);
    const slice = Object.fromEntries(names.map((n) => [n, columns[n].slice(start, end)]));
    chunks.push({
      kind,
      seq,
      count: end - start,
      columns: slice,
      ...(flags ? { flags: flags.slice(start, end) } : {}),
    });
  }
  return chunks;
}
