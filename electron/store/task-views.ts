// What windows receive for incidents, requests and their list rows: the record plus the names the
// screens show, resolved from the loaded directory as InteractionView is. Never changes a record.

import { answerLines, type CatalogItem } from '../../shared/domain/catalog';
import type { ComponentSearchResult } from '../../shared/domain/component-search';
import type { CallbackDue } from '../../shared/domain/escalation';
import { affectedCallers, type Incident } from '../../shared/domain/incident';
import type { Request } from '../../shared/domain/request';
import type { TaskListItem } from '../../shared/domain/task';
import type {
  CallbackDueView,
  CatalogItemSummary,
  ComponentRef,
  ComponentSearchView,
  IncidentView,
  RequestView,
  TaskListItemView,
} from '../../shared/store-api/escalation-contract';
import type { LoadedDirectory } from './loaded-directory';

export function toIncidentView(record: Incident, directory: LoadedDirectory): IncidentView {
  return {
    ...record,
    callerName: directory.userName(record.caller),
    componentName: directory.itemName(record.component),
    assignmentGroupName: directory.groupName(record.assignmentGroup),
    assignedToName: directory.userName(record.assignedTo),
    affectedCallers: affectedCallers(record),
  };
}

/** `item` is null when the catalog no longer holds the form: the answers then show by field name. */
export function toRequestView(
  record: Request,
  item: CatalogItem | null,
  directory: LoadedDirectory,
): RequestView {
  const userName = (id: string): string => directory.userName(id) ?? id;
  return {
    ...record,
    requestedForName: directory.userName(record.requestedFor),
    catalogItemName: item?.name ?? null,
    assignmentGroupName: directory.groupName(record.assignmentGroup),
    assignedToName: directory.userName(record.assignedTo),
    answerLines: item
      ? answerLines(item, record.answers, userName)
      : Object.entries(record.answers).map(([label, value]) => ({
          label,
          value: typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value,
        })),
  };
}

export function toTaskItemView(item: TaskListItem, directory: LoadedDirectory): TaskListItemView {
  return {
    ...item,
    callerName: directory.userName(item.callerId),
    assignmentGroupName: directory.groupName(item.assignmentGroup),
    assignedToName: directory.userName(item.assignedTo),
  };
}

export function toComponentSearchView(
  result: ComponentSearchResult,
  directory: LoadedDirectory,
): ComponentSearchView {
  const path: ComponentRef[] = result.path.map((id) => {
    const row = directory.items.indexOf(id);
    return {
      id,
      name: row === undefined ? id : directory.items.at('name', row),
      className: row === undefined ? '' : directory.items.at('className', row),
    };
  });
  return {
    total: result.total,
    path,
    hits: result.hits.map((hit) => ({
      distance: hit.distance,
      sameCaller: hit.sameCaller,
      incident: {
        ...hit.incident,
        callerName: directory.userName(hit.incident.caller),
        assignmentGroupName: directory.groupName(hit.incident.assignmentGroup),
        assignedToName: directory.userName(hit.incident.assignedTo),
      },
      componentName: path[hit.distance]?.name ?? directory.itemName(hit.incident.component),
      affectedCallers: hit.incident.callerIds.length,
    })),
  };
}

export function toCallbackView(due: CallbackDue, directory: LoadedDirectory): CallbackDueView {
  return { ...due, callerName: directory.userName(due.callerId) };
}

export function toCatalogSummary(item: CatalogItem): CatalogItemSummary {
  return {
    id: item.id,
    name: item.name,
    category: item.category,
    description: item.description,
    keywords: item.keywords,
  };
}
