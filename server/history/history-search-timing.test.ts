// A timing check of the history search over 100,000 generated interactions (and 20,000 users),
// written in SQL straight into the tables. Runs only when asked: DESKPAD_HISTORY_TIMING=1 (with
// DESKPAD_TEST_PG=1 for PostgreSQL too); prints p50 / max per kind of search.

import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../testing/test-databases';
import { searchHistory } from './history-search';

const INTERACTIONS = 100_000;
const USERS = 20_000;
const WORDS = [
  'printer',
  'jam',
  'vpn',
  'drops',
  'laptop',
  'screen',
  'password',
  'reset',
  'email',
  'outlook',
  'wifi',
  'slow',
  'monitor',
  'flickers',
  'keyboard',
  'broken',
  'access',
  'shared',
  'drive',
  'teams',
  'audio',
  'badge',
  'door',
  'phone',
  'headset',
  'toner',
  'empty',
  'floor',
];

describeOnDatabases('history search timing', (suite) => {
  it.runIf(process.env.DESKPAD_HISTORY_TIMING === '1')(
    'answers over 100,000 interactions',
    { timeout: 600_000 },
    async () => {
      const { db } = suite.database();
      const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`;
      await sql
        .raw(
          `INSERT INTO users (id, user_name, first_name, last_name, name, email, phone,
            employee_id, department, location, version)
          SELECT 'u-' || g, 'user.' || g, 'First' || g, 'Last' || (g % 5000),
            'First' || g || ' Last' || (g % 5000), 'u' || g || '@example.org', '', 'E' || g, 'D', 'L', 1
          FROM generate_series(1, ${USERS}) g`,
        )
        .execute(db);
      const started = performance.now();
      await sql
        .raw(
          `INSERT INTO interactions (id, seq, number, state, opened_for, opened_at, updated_at,
            version, change_xid, record)
          SELECT 'i-' || g, 1000 + g, 'IMS' || lpad((1000 + g)::text, 7, '0'), 'Closed Complete',
            'u-' || (g % ${USERS} + 1),
            now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval,
            g, pg_current_xact_id(),
            jsonb_build_object('shortDescription',
              initcap((${words})[g % 28 + 1]) || ' ' || (${words})[(g / 28) % 28 + 1] || ' ' ||
              (${words})[(g / 784) % 28 + 1] || ' #' || g,
              'description', 'Generated history ' || g)
          FROM generate_series(1, ${INTERACTIONS}) g`,
        )
        .execute(db);
      await sql`ANALYZE`.execute(db);
      console.info(
        `${INTERACTIONS} interactions written in ${Math.round(performance.now() - started)} ms`,
      );
      const cases = [
        'printer jam',
        'flick',
        'IMS00500',
        'IMS0050000',
        '50000',
        'first123',
        'last42 ',
      ];
      for (const q of cases) {
        const times: number[] = [];
        let hits = 0;
        for (let round = 0; round < 7; round++) {
          const t = performance.now();
          hits = (await searchHistory(db, { q, limit: 20 })).hits.length;
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        console.info(
          `[${suite.backend}] q=${JSON.stringify(q)}: ${hits} hits, p50 ${times[3]?.toFixed(1)} ms, max ${times[6]?.toFixed(1)} ms`,
        );
        expect(hits).toBeGreaterThan(0);
      }
    },
  );
});
