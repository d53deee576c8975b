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
    (record) => ({
      state: record.state,
      location: record.location,
      person: record.person,
      checked_in_at: record.checkedInAt,
      called_at: record.calledAt,
      started_at: record.startedAt,
      ended_at: record.endedAt,
      served_by: record.servedBy,
      survey_rating: record.survey?.rating ?? null,
    }),
    onConflict,
  );
