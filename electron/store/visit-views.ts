// What windows receive for a walk-up visit: the record plus the names the screens show, resolved
// from the loaded directory as the other views are. Never changes a record.

import type { Visit } from '../../shared/domain/visit';
import type { VisitView } from '../../shared/store-api/walk-up-contract';
import type { LoadedDirectory } from './loaded-directory';

export function toVisitView(
  record: Visit,
  directory: LoadedDirectory,
  interactionNumber: string | null,
): VisitView {
  return {
    ...record,
    calledByName: directory.userName(record.calledBy),
    servedByName: directory.userName(record.servedBy),
    interactionNumber,
  };
}
