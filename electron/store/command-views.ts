// What a command answers the window that sent it: the views its module's output names, of the
// records as they stand after it ran (changed or not). Never writes; names come from the directory.

import { relatedRecordsOf } from '../../shared/domain/related-records';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import { viewRefsOf, type ViewTypes } from '../../shared/commands/command-module';
import { commandModule } from '../../shared/commands/registry';
import type { RecordKind } from '../../shared/commands/record-set';
import type { ParsedCommand } from '../../shared/store-api/apply-command';
import type { CommandName, CommandOutputs } from '../../shared/store-api/contract';
import { toInteractionView } from './interaction-views';
import type { LoadedDirectory } from './loaded-directory';
import type { CommandRun } from './store-commands';
import { toIncidentView, toRequestView } from './task-views';
import { toCallView } from './call-views';
import { toVisitView } from './visit-views';

type Output = CommandOutputs[CommandName];
type AnyView = ViewTypes[RecordKind];

const NOT_HERE: Record<RecordKind, string> = {
  interaction: 'This interaction is not on this desk.',
  incident: 'This incident is not on this desk.',
  request: 'This request is not on this desk.',
  visit: 'This visit is not on this desk.',
  call: 'This call is not on this desk.',
};

/** The view of one record of the run, or not-found when it is not on this desk. */
function viewOf(
  kind: RecordKind,
  id: string,
  run: Pick<CommandRun, 'records' | 'catalogItems'>,
  directory: LoadedDirectory,
  agentId: string,
): StoreResult<AnyView> {
  const { records } = run;
  switch (kind) {
    case 'interaction': {
      const record = records.get('interaction', id);
      if (!record) return fail('not-found', NOT_HERE.interaction);
      return ok({
        ...toInteractionView(record, directory),
        relatedRecords: relatedRecordsOf(record),
      });
    }
    case 'incident': {
      const record = records.get('incident', id);
      return record ? ok(toIncidentView(record, directory)) : fail('not-found', NOT_HERE.incident);
    }
    case 'request': {
      const record = records.get('request', id);
      if (!record) return fail('not-found', NOT_HERE.request);
      const item = run.catalogItems.get(record.catalogItem) ?? null;
      return ok(toRequestView(record, item, directory));
    }
    case 'visit': {
      const record = records.get('visit', id);
      if (!record) return fail('not-found', NOT_HERE.visit);
      const interaction = record.interaction
        ? records.get('interaction', record.interaction)
        : undefined;
      return ok(toVisitView(record, directory, interaction?.number ?? null));
    }
    case 'call': {
      const record = records.get('call', id);
      if (!record) return fail('not-found', NOT_HERE.call);
      const interaction = record.interaction
        ? records.get('interaction', record.interaction)
        : undefined;
      return ok(toCallView(record, directory, interaction?.number ?? null, agentId));
    }
  }
}

export function commandOutput(
  command: ParsedCommand,
  run: Pick<CommandRun, 'records' | 'catalogItems'>,
  directory: LoadedDirectory,
  /** The signed-in agent: what a call's view says they saw. */
  agentId = '',
): StoreResult<Output> {
  const { output } = commandModule(command.name);
  const args = command.args as Readonly<Record<string, unknown>>;
  const idOf = (key: string): string => {
    const id = args[key];
    return typeof id === 'string' ? id : '';
  };
  // The module's output view says which records answer it; its declared type is the answer's.
  const refs = viewRefsOf(output);
  const answer: Record<string, AnyView> = {};
  for (const { field, kind, id } of refs) {
    const view = viewOf(kind, idOf(id), run, directory, agentId);
    if (!view.ok || field === null) return view;
    answer[field] = view.value;
  }
  return ok(answer as unknown as Output);
}
