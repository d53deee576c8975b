// The tables of the desk server's database as Kysely sees them. Types only; the migrations in
// server/migrations/ create them, and nothing here may disagree with the latest migration.

import type { ArticleVerdict } from '../../shared/domain/article-rating';
import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * PostgreSQL `bigint`: node-postgres reads it as a string, PGlite as a number (or a bigint past
 * 2^53). Read it through `toNumber` in values.ts; write numbers.
 */
export type Int8 = ColumnType<string | number | bigint, number, number>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: written as JSON text (see `jsonb` in values.ts), read back parsed. */
export type Jsonb<T> = ColumnType<T, string, string>;

export interface ServerMetaTable {
  key: string;
  value: string;
}

/** One row: the directory's change version. Locking it orders directory writes (ADR 0004, 0007). */
export interface SyncStateTable {
  id: number;
  version: Int8;
}

export interface UsersTable {
  id: string;
  user_name: string;
  first_name: string;
  last_name: string;
  name: string;
  email: string;
  phone: string;
  employee_id: string;
  department: string;
  location: string;
  vip: boolean;
  roles: string[];
  password_hash: string | null;
  version: Int8;
  /** false: deactivated (migration 0008): out of the caller lookup, no sign-in, name kept on records. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** An administrator disabled this account's sign-in (its sessions were ended). */
  sign_in_disabled: ColumnType<boolean, boolean | undefined, boolean>;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  last_sign_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Employee id or the source's own id: what an import or LDAP sync matches rows on. */
  external_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where the row came from: 'local' (created here), 'demo', 'csv' or 'ldap'. */
  source: ColumnType<string, string | undefined, string>;
  /** `phone` in E.164 (+441632960123), or '' when it could not be read as a number. */
  phone_e164: ColumnType<string, string | undefined, string>;
  mobile: ColumnType<string, string | undefined, string>;
  mobile_e164: ColumnType<string, string | undefined, string>;
  /** The badge the kiosk's reader scans (migration 0011); '' when none. */
  badge_number: ColumnType<string, string | undefined, string>;
}

export interface GroupsTable {
  id: string;
  name: string;
  description: string;
  version: Int8;
  external_key: ColumnType<string | null, string | null | undefined, string | null>;
  source: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
}

export interface ConfigurationItemsTable {
  id: string;
  name: string;
  class_name: string;
  parent_id: string | null;
  location: string;
  version: Int8;
  external_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** false: retired; kept for the records that name it, no longer offered. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A launch code's hash (migration 0006): exchanged once for a new session of `user_id`. */
export interface LaunchCodesTable {
  code_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  first_failed_at: Timestamp;
}

export interface NumberingTable {
  kind: string;
  last_value: Int8;
}

export interface InteractionsTable {
  id: string;
  seq: Int8;
  number: string;
  state: string;
  opened_for: string | null;
  assignment_group: string | null;
  assigned_to: string | null;
  opened_at: Timestamp;
  updated_at: Timestamp;
  version: Int8;
  /** The writing transaction (xid8, read as text): with version, the row's change position. */
  change_xid: ColumnType<string, string | undefined, string>;
  record: Jsonb<unknown>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  /** What the desk figures read (migration 0013): Type, Opened by, the close and its handle time. */
  type: ColumnType<string | null, string | null | undefined, string | null>;
  opened_by: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  handle_time_seconds: ColumnType<number | null, number | null | undefined, number | null>;
  visit_id: ColumnType<string | null, string | null | undefined, string | null>;
  call_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Its visit's location, else its call's; its call's queue: read when the interaction is written. */
  location: ColumnType<string | null, string | null | undefined, string | null>;
  queue: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whether it made an incident or request, and the incidents it is linked to (migration 0014). */
  made_record: ColumnType<boolean, boolean | undefined, boolean>;
  linked_incidents: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
}

export interface IncidentsTable {
  id: string;
  seq: Int8;
  number: string;
  state: string;
  caller: string;
  component: string | null;
  assignment_group: string | null;
  assigned_to: string | null;
  /** The desk figures' columns (migration 0013). */
  priority: ColumnType<number | null, number | null | undefined, number | null>;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The times it was reopened: its reopen work notes (migration 0014). */
  reopened_at: ColumnType<Date[] | null, unknown, unknown>;
  /** Its related interactions' ids (migration 0014). */
  related_interactions: ColumnType<string[] | null, unknown, unknown>;
  opened_at: Timestamp;
  updated_at: Timestamp;
  version: Int8;
  /** The writing transaction (xid8, read as text): with version, the row's change position. */
  change_xid: ColumnType<string, string | undefined, string>;
  record: Jsonb<unknown>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface RequestsTable {
  id: string;
  seq: Int8;
  number: string;
  state: string;
  requested_for: string;
  catalog_item: string;
  assignment_group: string | null;
  assigned_to: string | null;
  opened_at: Timestamp;
  updated_at: Timestamp;
  version: Int8;
  /** The writing transaction (xid8, read as text): with version, the row's change position. */
  change_xid: ColumnType<string, string | undefined, string>;
  record: Jsonb<unknown>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Walk-up visits (migration 0011): stored as the other synced records are. */
export interface VisitsTable {
  id: string;
  seq: Int8;
  number: string;
  state: string;
  location: string;
  person: string | null;
  /** The desk figures' columns (migration 0013): the visit's times, who served it, its rating. */
  checked_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  called_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  served_by: ColumnType<string | null, string | null | undefined, string | null>;
  survey_rating: ColumnType<number | null, number | null | undefined, number | null>;
  /** Always null: the record tables' shared scope filter reads these two columns. */
  assignment_group: ColumnType<string | null, string | null | undefined, string | null>;
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>;
  opened_at: Timestamp;
  updated_at: Timestamp;
  version: Int8;
  change_xid: ColumnType<string, string | undefined, string>;
  record: Jsonb<unknown>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/**
 * The interactions per UTC hour (of Opened), location, queue, channel and agent (migration 0013),
 * kept current in the push's transaction; '' is "none" in the key.
 */
export interface ReportHourlyTable {
  hour: Timestamp;
  location: string;
  queue: string;
  channel: string;
  agent: string;
  opened: number;
  /** Closed with a handle time kept, and the sum of those handle times in seconds. */
  handled: number;
  handle_seconds: Int8;
}

export interface CatalogItemsTable {
  id: string;
  name: string;
  category: string;
  active: boolean;
  version: Int8;
  record: Jsonb<unknown>;
  /** Drafts are never sent to desks; retired items stay for the requests that name them. */
  state: ColumnType<CatalogState, CatalogState | undefined, CatalogState>;
  /** The unpublished revision of a published or retired form (migration 0010); null when none. */
  draft_record: ColumnType<unknown, string | null | undefined, string | null>;
}

/** A knowledge article (migration 0016): its state and the revision desks hold. */
export interface KnowledgeArticlesTable {
  id: string;
  state: ColumnType<KnowledgeState, KnowledgeState, KnowledgeState>;
  title: string;
  /** The newest revision, what the editor shows. */
  revision: number;
  /** The revision on desks; null before the first Publish and after Retire. */
  published_revision: number | null;
  /** The directory version of the last change desks must see (0 until published). */
  version: Int8;
  /** The published article as desks receive it (PublishedArticle); null when none. */
  published: ColumnType<unknown, string | null | undefined, string | null>;
  updated_at: Timestamp;
}

/** Every revision of every article, kept (migration 0016). */
export interface KnowledgeArticleVersionsTable {
  article_id: string;
  revision: number;
  content: Jsonb<unknown>;
  author_id: string | null;
  author_name: string;
  saved_at: Timestamp;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** One agent's current verdict on one revision of an article (migration 0018). */
export interface KnowledgeRatingsTable {
  article_id: string;
  revision: number;
  agent_id: string;
  verdict: ArticleVerdict;
  comment: string | null;
  rated_at: Timestamp;
}

/** A single-use link to one CSV export (migration 0010): only the code's hash is kept. */
export interface ExportLinksTable {
  code_hash: string;
  user_id: string;
  kind: string;
  from_date: string;
  to_date: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export type CatalogState = 'draft' | 'published' | 'retired';
export type KnowledgeState = 'draft' | 'in-review' | 'published' | 'retired';

/** Where desks serve walk-ups and phones (migration 0008). */
export interface LocationsTable {
  id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: Int8;
  /** The walk-up settings (migration 0011): reasons as a JSON array of strings. */
  reasons: ColumnType<unknown, string | undefined, string>;
  vip_first: ColumnType<boolean, boolean | undefined, boolean>;
  grace_minutes: ColumnType<number, number | undefined, number>;
  lobby_names: ColumnType<string, string | undefined, string>;
  wait_target_minutes: ColumnType<number, number | undefined, number>;
  /** The phone desk (migration 0012): numbers whose calls are rejected, E.164, a JSON array. */
  blocked_numbers: ColumnType<unknown, string | undefined, string>;
  /** Wrap-up codes the location's agents pick from, a JSON array of strings. */
  wrap_up_codes: ColumnType<unknown, string | undefined, string>;
}

/** A phone system's CTI integration (migration 0012): only the token's hash is kept. */
export interface IntegrationsTable {
  id: string;
  name: string;
  kind: ColumnType<string, string | undefined, string>;
  token_hash: string;
  location: string | null;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: ColumnType<string | number | bigint, number | undefined, number>;
}

/** A phone system's queue name and the group whose agents its calls pop for (migration 0012). */
export interface PhoneQueuesTable {
  id: string;
  name: string;
  group_id: string;
  version: ColumnType<string | number | bigint, number | undefined, number>;
}

/**
 * A contact template (migration 0016): a location's (scope 'location', Administration's) or an
 * agent's own (scope 'agent'). Never deleted: a retired or deleted one stays with active false, so
 * the desks' digest (count and sum of versions) changes with it.
 */
export interface ContactTemplatesTable {
  id: string;
  scope: 'location' | 'agent';
  location: string | null;
  owner: string | null;
  name: string;
  type: string | null;
  component: string | null;
  assignment_group: string | null;
  short_description: string;
  description: string;
  closes_at_once: boolean;
  active: boolean;
  updated_at: Timestamp;
  /** From the sequence contact_template_versions: every change takes the next. */
  version: ColumnType<string | number | bigint, never, number>;
}

/** A call (migration 0012), stored as the other synced records are. */
export interface CallsTable {
  id: string;
  seq: Int8;
  number: string;
  integration: string;
  call_id: string;
  state: string;
  location: string | null;
  caller: string | null;
  queue: string | null;
  answered_by: string | null;
  /** The desk figures' columns (migration 0013). */
  rang_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  direction: ColumnType<string | null, string | null | undefined, string | null>;
  /** Always null: the record tables' shared scope filter reads these two columns. */
  assignment_group: ColumnType<string | null, string | null | undefined, string | null>;
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>;
  opened_at: Timestamp;
  updated_at: Timestamp;
  version: Int8;
  change_xid: ColumnType<string, string | undefined, string>;
  record: Jsonb<unknown>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Every CTI event as received, kept whatever became of it (migration 0012). */
export interface CtiEventsTable {
  id: ColumnType<string | number, never, never>;
  integration: string;
  call_id: string;
  event: string;
  body: Jsonb<unknown>;
  received_at: ColumnType<Date, Date | string | undefined, never>;
  /** 'applied', 'out-of-order', 'rejected' (blocked number), 'ignored' (e.g. after the end). */
  outcome: string;
}

/** One administrative change: who, when, what, before → after (never a password or secret). */
export interface AuditLogTable {
  id: ColumnType<string | number, never, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_kind: string;
  target_id: string;
  target_name: ColumnType<string, string | undefined, string>;
  before: ColumnType<unknown, string | null | undefined, string | null>;
  after: ColumnType<unknown, string | null | undefined, string | null>;
}

/** The first run's single-use setup code, hashed (migration 0008). */
export interface SetupCodesTable {
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ClientsTable {
  client_id: string;
  last_mutation_id: Int8;
  last_user_id: string;
  updated_at: Timestamp;
}

export interface MutationsTable {
  client_id: string;
  mutation_id: Int8;
  name: string;
  args: Jsonb<unknown>;
  at: string;
  actor_id: string;
  pushed_by: string;
  status: 'applied' | 'refused';
  reason: ColumnType<unknown, string | null, string | null>;
  received_at: Timestamp;
  /** SHA-256 of the mutation as pushed (mutation-digest.ts); null when recorded before 0003. */
  digest: ColumnType<string | null, string | null | undefined, string | null>;
  /** The time it was applied at (`at` within the server's bounds); null when refused or before 0006. */
  applied_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whether `applied_at` is not the desk's `at` (its clock was out of bounds: mutation-clock.ts). */
  clock_adjusted: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface Database {
  server_meta: ServerMetaTable;
  sync_state: SyncStateTable;
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  configuration_items: ConfigurationItemsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  launch_codes: LaunchCodesTable;
  numbering: NumberingTable;
  interactions: InteractionsTable;
  incidents: IncidentsTable;
  requests: RequestsTable;
  visits: VisitsTable;
  calls: CallsTable;
  report_hourly: ReportHourlyTable;
  integrations: IntegrationsTable;
  phone_queues: PhoneQueuesTable;
  contact_templates: ContactTemplatesTable;
  cti_events: CtiEventsTable;
  catalog_items: CatalogItemsTable;
  knowledge_articles: KnowledgeArticlesTable;
  knowledge_article_versions: KnowledgeArticleVersionsTable;
  knowledge_ratings: KnowledgeRatingsTable;
  locations: LocationsTable;
  audit_log: AuditLogTable;
  setup_codes: SetupCodesTable;
  export_links: ExportLinksTable;
  clients: ClientsTable;
  mutations: MutationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type InteractionRow = Selectable<InteractionsTable>;
