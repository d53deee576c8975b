// The directory as the store host serves it: lookups, caller search, component search and the
// rules the mutators ask about. Read-only and in memory; writing it is directory-store.ts's job.

import type { ConfigurationItemView, Group, User, UserHit } from '../../shared/domain/directory';
import type { DirectoryRules } from '../../shared/domain/interaction';
import type { DirectoryStatus } from '../../shared/store-api/contract';
import { CallerSearch, type CallerOrders, type PreferredCallers } from './caller-search';
import { ConfigurationItemSearch } from './configuration-item-search';
import type { ItemTable, UserTable } from './directory-table';
import type { KnownCallers } from './known-callers';

/** Deeper than any real hierarchy; stops a bad parent loop from hanging a lookup. */
const MAX_PARENT_DEPTH = 32;

/** Roles whose holders work the desk and have figures of their own. */
const DESK_ROLE_NAMES: ReadonlySet<string> = new Set(['agent', 'admin', 'manager']);

export class LoadedDirectory {
  readonly users: UserTable;
  readonly groups: readonly Group[];
  readonly items: ItemTable;
  readonly loadedAt: string;
  readonly rules: DirectoryRules;
  /** The caller index (stored as it is): a change that touches no user keeps it. */
  readonly orders: CallerOrders;
  private readonly callerSearch: CallerSearch;
  private readonly itemSearch: ConfigurationItemSearch;
  private readonly groupsById: Map<string, Group>;
  private readonly members: Map<string, Set<string>>;

  constructor(
    users: UserTable,
    groups: readonly Group[],
    items: ItemTable,
    orders: CallerOrders,
    loadedAt: string,
  ) {
    this.users = users;
    this.groups = groups;
    this.items = items;
    this.loadedAt = loadedAt;
    this.orders = orders;
    this.callerSearch = new CallerSearch(users.columns, orders, (row) => users.isActive(row));
    this.itemSearch = new ConfigurationItemSearch(items.columns.name, items.retired);
    this.groupsById = new Map(groups.map((g) => [g.id, g]));
    this.members = new Map(groups.map((g) => [g.id, new Set(g.memberIds)]));
    this.rules = {
      isGroupMember: (groupId, userId) => this.members.get(groupId)?.has(userId) ?? false,
      userName: (userId) => users.nameOf(userId) ?? userId,
    };
  }

  status(): DirectoryStatus {
    return {
      ready: true,
      users: this.users.count,
      groups: this.groups.length,
      configurationItems: this.items.count,
      loadedAt: this.loadedAt,
    };
  }

  /** Matching callers, best first; the agent's known callers before the rest (caller-search.ts). */
  searchUsers(query: string, limit: number, known?: KnownCallers): UserHit[] {
    return this.callerSearch
      .search(query, limit, known?.preferred)
      .map((row) => this.hitOf(row, known));
  }

  /** The index keys of these users, to be preferred by `searchUsers`. */
  preferredCallers(rows: readonly number[]): PreferredCallers {
    return this.callerSearch.preferredCallers(rows);
  }

  /** The caller as the lookup lists them; null for someone gone from the directory or inactive. */
  userHit(id: string, known?: KnownCallers): UserHit | null {
    const row = this.users.indexOf(id);
    return row === undefined || !this.users.isActive(row) ? null : this.hitOf(row, known);
  }

  private hitOf(row: number, known: KnownCallers | undefined): UserHit {
    const hit = this.users.hit(row);
    const stats = known?.byRow.get(row);
    return stats === undefined ? hit : { ...hit, known: stats };
  }

  getUser(id: string): User | null {
    return this.users.userById(id);
  }

  userName(id: string | null): string | null {
    return id === null ? null : this.users.nameOf(id);
  }

  groupName(id: string | null): string | null {
    return id === null ? null : (this.groupsById.get(id)?.name ?? null);
  }

  /** The people who work the desk (agents, admins, managers) among the groups' members, by name. */
  deskAgents(): User[] {
    const ids = new Set(this.groups.flatMap((g) => g.memberIds));
    return [...ids]
      .flatMap((id) => {
        const user = this.getUser(id);
        return user && user.active && user.roles.some((r) => DESK_ROLE_NAMES.has(r)) ? [user] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  groupMembers(groupId: string): User[] {
    const group = this.groupsById.get(groupId);
    if (!group) return [];
    return group.memberIds.flatMap((id) => this.users.userById(id) ?? []);
  }

  itemName(id: string | null): string | null {
    if (id === null) return null;
    const row = this.items.indexOf(id);
    return row === undefined ? null : this.items.at('name', row);
  }

  searchConfigurationItems(query: string, limit: number): ConfigurationItemView[] {
    return this.itemSearch.search(query, limit).map((row) => this.itemView(row));
  }

  getConfigurationItem(id: string): ConfigurationItemView | null {
    const row = this.items.indexOf(id);
    return row === undefined ? null : this.itemView(row);
  }

  private itemView(row: number): ConfigurationItemView {
    const item = this.items.item(row);
    const parents: ConfigurationItemView['parents'] = [];
    let parentId = item.parentId;
    while (parentId !== null && parents.length < MAX_PARENT_DEPTH) {
      const parentRow = this.items.indexOf(parentId);
      if (parentRow === undefined) break;
      const parent = this.items.item(parentRow);
      parents.push({ id: parent.id, name: parent.name, className: parent.className });
      parentId = parent.parentId;
    }
    return { ...item, parents };
  }
}
