// Calls as the server stores them: the record as jsonb plus the columns the caller log reads, as
// the other synced records are stored. The CTI endpoint and push write here; every write has a new
// change position.

import type { Transaction } from 'kysely';
import type { Call } from '../../shared/domain/call';
import { upsertRecords, type StoredRecord } from '../db/record-tables';
import type { Database } from '../db/schema';

export const upsertCalls = (
  trx: Transaction<Database>,
  entries: readonly StoredRecord<Call>[],
  onConflict: 'replace' | 'fail' = 'replace',
): Promise<void> =>
  upsertRecords(
    trx,
    'calls',
    entries,
    (record) => ({
      integration: record.integration,
      call_id: record.callId,
      state: record.state,
      location: record.location,
      caller: record.caller,
      queue: record.queue,
      answered_by: record.answeredBy,
      rang_at: record.rangAt,
      direction: record.direction,
    }),
    onConflict,
  );
