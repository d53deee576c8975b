// A fast-check fuzz of POST /api/v1/sync/push on buildServer (PGlite): arbitrary mutations from every
// role never get a 5xx, and a refused mutation (or a refused push) leaves the record tables as they were.

import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { COMMAND_MODULES } from '../../shared/commands/registry';
import type { User } from '../../shared/domain/directory';
import type { PushResponse } from '../../shared/sync/protocol';
import { ROLES, type Role } from '../../shared/sync/server-api';
import type { ServerDatabase } from '../db/open-database';
import { incidentArgs, LAPTOP, seedCatalog, takenInteraction } from '../sync/task-fixtures';
import {
  createArgs,
  DeskOutbox,
  FIXTURE_NOW,
  seedDirectory,
  signIn,
  smallDirectory,
  testServer,
  type ApiClient,
} from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';

/** About 7 s on a small machine; DESKPAD_FUZZ_RUNS=1000 for a longer hunt. */
const NUM_RUNS = Number(process.env.DESKPAD_FUZZ_RUNS ?? 100);
const COMMAND_NAMES = COMMAND_MODULES.map((m) => m.name);
/** Ids the mutations name: a few that exist (seeded), a few that a create may make, odd ones. */
const ID_POOL = ['i-1', 'i-2', 'inc-1', 'req-1', 'i-new', 'inc-new', 'req-new', 'x', ''];

/** One signed-in user per role, whatever roles the server knows. */
const roleUser = (role: Role): User => ({
  id: `fuzz-${role}`,
  userName: `fuzz.${role}`,
  firstName: 'Fuzz',
  lastName: role,
  name: `Fuzz ${role}`,
  email: `fuzz.${role}@deskpad.example`,
  phone: '',
  employeeId: `E-fuzz-${role}`,
  department: 'Information Technology',
  location: 'HQ',
  vip: false,
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles: [role],
});

const odd = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '\u0000', '\uD800', '__proto__', 'constructor', 'null', '💥'.repeat(40)),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
);
const anyId = fc.oneof(fc.constantFrom(...ID_POOL), odd);
const anyValue = fc.oneof(
  anyId,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}),
);

/** Args a command could read, with any field swapped for anything. */
const plausibleArgs = fc.oneof(
  anyId.map((id) => createArgs(id) as unknown),
  anyId.map((id) => takenInteraction(id) as unknown),
  fc.tuple(anyId, anyId).map(([id, from]) => incidentArgs(id, from) as unknown),
  fc.tuple(anyId, anyId).map(([id, interactionId]): unknown => ({
    id,
    interactionId,
    requestedFor: 'caller-1',
    catalogItem: LAPTOP.id,
    answers: { model: 'ultra', reason: 'Fuzz' },
  })),
  fc.record({
    id: anyId,
    noteId: anyId,
    text: odd,
    state: fc.constantFrom('Closed Complete', 'Resolved', 'Closed', 'Canceled', 'New', 'nope'),
    changes: fc.dictionary(
      fc.constantFrom('openedFor', 'caller', 'component', 'assignmentGroup', 'assignedTo', 'state'),
      anyValue,
    ),
    resolutionCode: fc.constantFrom('Solved (Permanently)', 'nope'),
    resolutionNotes: odd,
    reason: odd,
    incidentId: anyId,
  }),
);
const withNoise = fc
  .tuple(plausibleArgs, fc.dictionary(fc.string({ maxLength: 20 }), anyValue, { maxKeys: 3 }))
  .map(([args, noise]) =>
    typeof args === 'object' && args !== null ? { ...args, ...noise } : args,
  );
const anyArgs = fc.oneof(
  { weight: 4, arbitrary: plausibleArgs },
  { weight: 2, arbitrary: withNoise },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: anyValue },
);

/** Commands whose args fit them, on the seeded records or new ones: some of these apply. */
const fittingCommand = fc.oneof(
  fc.uuid().map((id) => ['interaction.create', createArgs(`i-${id}`)] as const),
  fc
    .tuple(fc.uuid(), odd)
    .map(([noteId, text]) => ['interaction.addWorkNote', { id: 'i-2', noteId, text }] as const),
  fc
    .tuple(fc.constantFrom('caller-2', 'usr_does_not_exist', 'agent-1'), odd)
    .map(
      ([openedFor, description]) =>
        ['interaction.update', { id: 'i-2', changes: { openedFor, description } }] as const,
    ),
  fc
    .tuple(fc.uuid(), odd)
    .map(([noteId, text]) => ['incident.addWorkNote', { id: 'inc-1', noteId, text }] as const),
  odd.map(
    (resolutionNotes) =>
      [
        'incident.resolve',
        { id: 'inc-1', resolutionCode: 'Solved (Permanently)', resolutionNotes },
      ] as const,
  ),
  fc.constantFrom(
    ['interaction.close', { id: 'i-2', state: 'Closed Complete' }] as const,
    ['incident.cancel', { id: 'inc-1' }] as const,
  ),
);

const anyName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMAND_NAMES) },
  { weight: 1, arbitrary: fc.oneof(odd, fc.constantFrom('interaction.drop', 'INCIDENT.RESOLVE')) },
);

const NOW = Date.parse(FIXTURE_NOW);
const anyAt = fc.oneof(
  {
    weight: 30,
    arbitrary: fc
      .integer({ min: -40 * 86_400_000, max: 86_400_000 })
      .map((offset) => new Date(NOW + offset).toISOString()),
  },
  fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') })
    .filter((d) => !Number.isNaN(d.getTime()))
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-12-01T12:00:00.000Z',
    '1999-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999+14:00',
    '0000-01-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    'yesterday',
    '',
  ),
  { weight: 1, arbitrary: odd },
);

/** Stands for the signed-in pusher's own id, filled in when the push is sent. */
const PUSHER = Symbol('pusher');

const anyMutation = fc.record({
  command: fc.oneof(fittingCommand, fc.tuple(anyName, anyArgs)),
  at: anyAt,
  // Mostly the pusher itself (a change is applied only with its author's token), sometimes
  // someone else (the whole push is refused), sometimes nonsense.
  actorId: fc.oneof(
    { weight: 20, arbitrary: fc.constant(PUSHER) },
    { weight: 2, arbitrary: fc.constantFrom('agent-1', 'fuzz-admin') },
    { weight: 1, arbitrary: odd },
  ),
});

/** A push: consecutive ids from 1 mostly; sometimes odd ids, or a body that is not a push at all. */
const anyPush = fc.record({
  role: fc.constantFrom(...ROLES),
  mutations: fc.array(anyMutation, { minLength: 1, maxLength: 4 }),
  ids: fc.oneof(
    { weight: 12, arbitrary: fc.constant('consecutive' as const) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 63)),
        { minLength: 4, maxLength: 4 },
      ),
    },
  ),
  clientId: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: odd }),
});

type Snapshot = Map<string, string>;

/** Every record row (kind, id) with its change version and record; and the number counters. */
async function snapshot(database: ServerDatabase): Promise<Snapshot> {
  const { rows } = await sql<{ key: string; value: string }>`
    SELECT 'interaction:' || id AS key, version::text || record::text AS value FROM interactions
    UNION ALL SELECT 'incident:' || id, version::text || record::text FROM incidents
    UNION ALL SELECT 'request:' || id, version::text || record::text FROM requests
    UNION ALL SELECT 'numbering:' || kind, last_value::text FROM numbering`.execute(database.db);
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** The keys whose row differs between two snapshots (added, changed or gone). */
const changedKeys = (before: Snapshot, after: Snapshot): string[] =>
  [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));

/** The record ids a mutation's args name: a change it made may only be to these. */
const namedIds = (args: unknown): string[] => {
  if (typeof args !== 'object' || args === null) return [];
  const fields = args as Record<string, unknown>;
  return ['id', 'interactionId', 'incidentId'].flatMap((k) =>
    typeof fields[k] === 'string' ? [fields[k]] : [],
  );
};

describeOnDatabases('fuzzing the sync push', (suite) => {
  it('never answers 5xx, and a refused mutation changes no record', async () => {
    const database = suite.database();
    const directory = smallDirectory();
    await seedDirectory(database, {
      ...directory,
      users: [...directory.users, ...ROLES.map(roleUser)],
    });
    await seedCatalog(database);
    const app = await testServer(database);
    try {
      const desks = new Map<Role, ApiClient>();
      for (const role of ROLES) desks.set(role, await signIn(app, `fuzz.${role}`));
      // Something to change: an interaction taken by agent-1, an incident and a request from it.
      const agent = await signIn(app);
      const setup = new DeskOutbox('fuzz-setup');
      const seeded = await agent.post<PushResponse>(
        '/api/v1/sync/push',
        setup.push([
          setup.mutation('interaction.create', takenInteraction('i-1')),
          setup.mutation('interaction.create', createArgs('i-2')),
          setup.mutation('incident.createFromInteraction', incidentArgs('inc-1', 'i-1')),
        ]),
      );
      expect(seeded.body.refused).toEqual([]);

      let run = 0;
      const seen = { wholePushRefused: 0, applied: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(anyPush, async (push) => {
          run += 1;
          const clientId = push.clientId ?? `fuzz-desk-${run}`;
          const mutations = push.mutations.map(({ command: [name, args], at, actorId }, i) => ({
            name,
            args,
            at,
            actorId: actorId === PUSHER ? roleUser(push.role).id : actorId,
            mutationId: push.ids === 'consecutive' ? i + 1 : push.ids[i],
          }));
          const desk = desks.get(push.role);
          if (!desk) throw new Error(`no desk signed in as ${push.role}`);

          const before = await snapshot(database);
          const reply = await desk.post<PushResponse>('/api/v1/sync/push', { clientId, mutations });
          expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500);
          const after = await snapshot(database);
          const changed = changedKeys(before, after);

          if (reply.status !== 200) {
            // A push refused whole changes nothing at all.
            seen.wholePushRefused += 1;
            expect(changed).toEqual([]);
            return;
          }
          const refused = new Set(reply.body.refused.map((r) => r.mutationId));
          const applied = mutations.filter((m) => !refused.has(m.mutationId as number));
          seen.applied += applied.length;
          seen.refused += refused.size;
          // Every change is to a record an applied mutation names (or a number it used).
          const allowed = new Set(applied.flatMap((m) => namedIds(m.args)));
          for (const key of changed) {
            const [kind = '', id = ''] = key.split(/:(.*)/s);
            if (kind === 'numbering') expect(applied.length).toBeGreaterThan(0);
            else expect(allowed, `${key} changed`).toContain(id);
          }
          // Each fresh mutation is in the log once, refused ones as refused.
          const logged = await database.db
            .selectFrom('mutations')
            .select(['mutation_id', 'status'])
            .where('client_id', '=', clientId)
            .execute();
          for (const row of logged)
            expect(row.status).toBe(refused.has(Number(row.mutation_id)) ? 'refused' : 'applied');
        }),
        { numRuns: NUM_RUNS },
      );
      // The runs reached every branch: pushes refused whole, mutations applied and refused alone.
      expect(seen.wholePushRefused).toBeGreaterThan(0);
      expect(seen.applied).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(0);
      console.info('push fuzz:', seen);
    } finally {
      await app.close();
    }
  }, 120_000);
});
