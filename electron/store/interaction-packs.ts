// The interactions' reads by id, whole and from their packs (packed-records.ts): what the lists,
// forms and queries of interactions call. A pack holds closed interactions only.

import { isClosed, type Interaction } from '../../shared/domain/interaction';
import type { DeskDb } from './db';
import { allPacked, allPackedIds, putPulledPacked, readPacked } from './packed-records';

/** Interactions by id, in the order asked (undefined where the desk holds none). */
export const getInteractions = (
  db: DeskDb,
  ids: readonly string[],
): Promise<(Interaction | undefined)[]> => readPacked<Interaction>(db, 'interaction', ids);

/**
 * The open interactions among `ids`, in the order asked (undefined where closed or not held). A
 * pack holds closed interactions only, so the rows alone answer and no pack is read.
 */
export async function getOpenInteractions(
  db: DeskDb,
  ids: readonly string[],
): Promise<(Interaction | undefined)[]> {
  const rows = await db.interactions.bulkGet([...ids]);
  return rows.map((row) => (row === undefined || isClosed(row.state) ? undefined : row));
}

/** One interaction by id, from its row or its pack. */
export async function getInteraction(db: DeskDb, id: string): Promise<Interaction | undefined> {
  return (await getInteractions(db, [id]))[0];
}

/** Every interaction the desk holds: the rows, and the packed ones that have none. */
export const allInteractions = (db: DeskDb): Promise<Interaction[]> =>
  allPacked<Interaction>(db, 'interaction');

/** Every held interaction's id: the rows' and the packed ones'. */
export const allInteractionIds = (db: DeskDb): Promise<string[]> => allPackedIds(db, 'interaction');

/** Stores pulled interactions as the desk's view: closed ones packed (putPulledPacked). */
export const putPulledInteractions = (db: DeskDb, records: readonly Interaction[]): Promise<void> =>
  putPulledPacked(db, 'interaction', records);
