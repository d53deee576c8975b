// What windows receive for an interaction: the record plus the names the screens show, resolved
// from the directory here so no window needs the directory. Never changes the record.

import type { Interaction } from '../../shared/domain/interaction';
import type { InteractionListItem, InteractionView } from '../../shared/store-api/contract';
import type { LoadedDirectory } from './loaded-directory';

export function toInteractionView(
  record: Interaction,
  directory: LoadedDirectory,
): InteractionView {
  return {
    ...record,
    openedForName: directory.userName(record.openedFor),
    componentName: directory.itemName(record.component),
    assignmentGroupName: directory.groupName(record.assignmentGroup),
    assignedToName: directory.userName(record.assignedTo),
  };
}

export function toListItem(record: Interaction, directory: LoadedDirectory): InteractionListItem {
  return {
    id: record.id,
    number: record.number,
    numberProvisional: record.numberProvisional,
    shortDescription: record.shortDescription,
    type: record.type,
    state: record.state,
    openedFor: record.openedFor,
    openedForName: directory.userName(record.openedFor),
    assignedToName: directory.userName(record.assignedTo),
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
    closedAt: record.closedAt,
  };
}
