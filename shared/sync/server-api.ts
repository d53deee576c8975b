// The desk server's HTTP surface besides sync: sign-in, the read API's query strings and answers,
// and the one JSON error shape. Shapes only, shared by the server, the desks and integrations.

import { z } from 'zod';
import { ConfigurationItem, Id, User, type ConfigurationItemView } from '../domain/directory';
import { INTERACTION_STATES } from '../domain/interaction';
import type { StoreError, StoreErrorCode } from '../domain/result';
import { INCIDENT_STATES, REQUEST_STATES } from '../domain/task-states';
import {
  IncidentRecord,
  InteractionRecord,
  IsoTimestamp,
  RequestRecord,
  SYNC_LIMITS,
  SyncCursor,
} from './wire';
import { LaunchCode } from './account-requests';

// The account requests (sign-in, setup, password changes) are in their own module: the Sign in
// page needs them and none of the domain's schemas (decision 0016).
export * from './account-requests';

export const API_PREFIX = '/api/v1';

// ---- errors ----

export type ApiErrorCode =
  | StoreErrorCode
  | 'unauthorized'
  | 'forbidden'
  | 'too-many-requests'
  | 'mutation-gap'
  | 'client-conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  /** The account was given a temporary password: only changing it (and signing out) is allowed. */
  | 'password-change-required';

/** Every error answer: `{ "error": { code, message, fieldErrors? } }` with a 4xx or 5xx status. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    fieldErrors?: Record<string, string>;
    /** On `mutation-gap`: the mutationId the server expects next from this client. */
    expectedMutationId?: number;
    /**
     * On `client-conflict`: the first mutationId of the push for which the server holds a
     * different mutation of this clientId (another installation uses the same clientId). The
     * push's mutations before it are the very ones the server has: done, `refused` lists those
     * it refused. Nothing of this push was applied.
     */
    firstConflictingMutationId?: number;
    refused?: { mutationId: number; reason: StoreError }[];
  };
}

// ---- sessions ----

export { ROLES, type Role } from '../domain/roles';

export const SignInResponse = z.object({
  /** Send as `Authorization: Bearer <token>`. Shown once; the server keeps only its hash. */
  token: z.string(),
  expiresAt: z.string(),
  agent: User,
  /** A temporary password: the agent changes it (`POST /sessions/password`) before anything else. */
  mustChangePassword: z.boolean().optional(),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** `GET /api/v1/sessions/current`: whom the token belongs to and when it stops working. */
export const CurrentSessionResponse = z.object({
  agent: User,
  expiresAt: z.string(),
  mustChangePassword: z.boolean().optional(),
});
export type CurrentSessionResponse = z.infer<typeof CurrentSessionResponse>;

/** `POST /api/v1/sessions/launch`: exchange a launch code for a new session (answered as sign-in). */
export const LaunchRequest = z.strictObject({ code: LaunchCode });
export type LaunchRequest = z.infer<typeof LaunchRequest>;

/** `POST /api/v1/sessions/launch-codes` (signed in): a code that opens a session of the same agent. */
export const LaunchCodeResponse = z.object({ code: LaunchCode, expiresAt: z.string() });
export type LaunchCodeResponse = z.infer<typeof LaunchCodeResponse>;

// ---- query strings (every value arrives as text) ----

/** A whole number in a query string, between min and max. */
export const whole = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number.`)
    .transform(Number)
    .pipe(
      z
        .int()
        .min(min, `${name} must be at least ${min}.`)
        .max(max, `${name} can be at most ${max}.`),
    );

const searchText = z.string().trim().max(100, 'Search text can be at most 100 characters.');

/**
 * `include=workNotes` adds each record's work notes to a read API answer (interactions, incidents,
 * requests). Work notes are internal to fulfillers (ARCHITECTURE §6, invariant 3) and an
 * integration may face requesters, so they are left out unless asked for by name.
 */
const ReadApiInclude = z.enum(['workNotes'], 'include can only be workNotes.').optional();

/** The paging and `include` every read API list takes. */
const listPaging = {
  updatedSince: IsoTimestamp('updatedSince').optional(),
  limit: whole('limit', 1, 200).default(50),
  cursor: z.string().max(200).optional(),
  include: ReadApiInclude,
};

export const InteractionListQuery = z.strictObject({
  state: z
    .enum(INTERACTION_STATES, `state must be one of: ${INTERACTION_STATES.join(', ')}.`)
    .optional(),
  openedFor: Id.optional(),
  ...listPaging,
});
export type InteractionListQuery = z.infer<typeof InteractionListQuery>;

export const InteractionNumberParam = z.strictObject({
  number: z.string().regex(/^IMS\d{7,12}$/, 'An interaction number looks like IMS0001001.'),
});

/** The query string of one record by number: `GET /api/v1/{interactions,incidents,requests}/{number}`. */
export const InteractionQuery = z.strictObject({ include: ReadApiInclude });
export type InteractionQuery = z.infer<typeof InteractionQuery>;

export const IncidentListQuery = z.strictObject({
  state: z.enum(INCIDENT_STATES, `state must be one of: ${INCIDENT_STATES.join(', ')}.`).optional(),
  /** The configuration item the incident is about (not its parents). */
  component: Id.optional(),
  caller: Id.optional(),
  ...listPaging,
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

export const IncidentNumberParam = z.strictObject({
  number: z.string().regex(/^INC\d{7,12}$/, 'An incident number looks like INC0001001.'),
});

export const RequestListQuery = z.strictObject({
  state: z.enum(REQUEST_STATES, `state must be one of: ${REQUEST_STATES.join(', ')}.`).optional(),
  requestedFor: Id.optional(),
  ...listPaging,
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

export const RequestNumberParam = z.strictObject({
  number: z.string().regex(/^REQ\d{7,12}$/, 'A request number looks like REQ0001001.'),
});

export const UserSearchQuery = z.strictObject({
  q: searchText.default(''),
  limit: whole('limit', 1, 50).default(10),
});
export type UserSearchQuery = z.infer<typeof UserSearchQuery>;

export const ConfigurationItemSearchQuery = UserSearchQuery;
export type ConfigurationItemSearchQuery = UserSearchQuery;

export const DirectoryPageQuery = z.strictObject({
  cursor: SyncCursor.optional(),
  limit: whole('limit', 1, SYNC_LIMITS.directoryPageMax).default(SYNC_LIMITS.directoryPageDefault),
});
export type DirectoryPageQuery = z.infer<typeof DirectoryPageQuery>;

// ---- answers ----

/** An interaction as the read API answers it: `workNotes` only when `include=workNotes` asked. */
export const ReadApiInteraction = InteractionRecord.extend({
  workNotes: InteractionRecord.shape.workNotes.optional(),
});
export type ReadApiInteraction = z.infer<typeof ReadApiInteraction>;

export const InteractionList = z.object({
  interactions: z.array(ReadApiInteraction),
  /** Pass as `cursor` for the next page (older numbers); null on the last page. */
  nextCursor: z.string().nullable(),
});
export type InteractionList = z.infer<typeof InteractionList>;

/**
 * An incident as the read API answers it: with its related interactions (numbers, callers,
 * origin or associated); `workNotes` only when `include=workNotes` asked.
 */
export const ReadApiIncident = IncidentRecord.extend({
  workNotes: IncidentRecord.shape.workNotes.optional(),
});
export type ReadApiIncident = z.infer<typeof ReadApiIncident>;

export const IncidentList = z.object({
  incidents: z.array(ReadApiIncident),
  /** Pass as `cursor` for the next page (older numbers); null on the last page. */
  nextCursor: z.string().nullable(),
});
export type IncidentList = z.infer<typeof IncidentList>;

/** A request as the read API answers it, like `ReadApiIncident`. */
export const ReadApiRequest = RequestRecord.extend({
  workNotes: RequestRecord.shape.workNotes.optional(),
});
export type ReadApiRequest = z.infer<typeof ReadApiRequest>;

export const RequestList = z.object({
  requests: z.array(ReadApiRequest),
  /** Pass as `cursor` for the next page (older numbers); null on the last page. */
  nextCursor: z.string().nullable(),
});
export type RequestList = z.infer<typeof RequestList>;

export const UserList = z.object({ users: z.array(User) });
export type UserList = z.infer<typeof UserList>;

export const ConfigurationItemWithParents = ConfigurationItem.extend({
  /** Nearest first: printer → floor network → building. */
  parents: z.array(z.object({ id: Id, name: z.string(), className: z.string() })),
}) satisfies z.ZodType<ConfigurationItemView>;
export type ConfigurationItemWithParents = z.infer<typeof ConfigurationItemWithParents>;

export const ConfigurationItemList = z.object({
  configurationItems: z.array(ConfigurationItemWithParents),
});
export type ConfigurationItemList = z.infer<typeof ConfigurationItemList>;
