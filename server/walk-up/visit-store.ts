// Walk-up visits as the server stores them: the record as jsonb plus the columns the queue reads,
// as the other synced records are stored. Only push writes here; every write has a new position.

import type { Transaction } from 'kysely';
import type { Visit } from '../../shared/domain/visit';
import { upsertRecords, type StoredRecord } from '../db/record-tables';
import type { Database } from '../db/schema';

export const upsertVisits = (
  trx: Transaction<Database>,
  entries: readonly StoredRecord<Visit>[],
  onConflict: 'replace' | 'fail' = 'replace',
): Promise<void> =>
  upsertRecords(
    trx,
    'visits',
    entries,
    (record) => ({ state: record.state, location: record.location, person: record.person }),
    onConflict,
  );
