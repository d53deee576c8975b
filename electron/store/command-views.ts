// What a command answers the window that sent it: the views of the records it names, as they stand
// after it ran (changed or not). Never writes; names come from the loaded directory.

import type { Incident } from '../../shared/domain/incident';
import type { Interaction } from '../../shared/domain/interaction';
import { relatedRecordsOf } from '../../shared/domain/related-records';
import type { Request } from '../../shared/domain/request';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { ParsedCommand, RecordKind } from '../../shared/store-api/apply-command';
import type { CommandName, CommandOutputs } from '../../shared/store-api/contract';
import type { EscalatedInteractionView } from '../../shared/store-api/escalation-contract';
import { toInteractionView } from './interaction-views';
import type { LoadedDirectory } from './loaded-directory';
import type { CommandRun } from './store-commands';
import { toIncidentView, toRequestView } from './task-views';

type Output = CommandOutputs[CommandName];

const NOT_HERE: Record<RecordKind, string> = {
  interaction: 'This interaction is not on this desk.',
  incident: 'This incident is not on this desk.',
  request: 'This request is not on this desk.',
};

export function commandOutput(
  command: ParsedCommand,
  run: Pick<CommandRun, 'records' | 'catalogItems'>,
  directory: LoadedDirectory,
): StoreResult<Output> {
  const { records } = run;
  const interactionView = (id: string): StoreResult<EscalatedInteractionView> => {
    const record: Interaction | undefined = records.get('interaction', id);
    if (!record) return fail('not-found', NOT_HERE.interaction);
    return ok({
      ...toInteractionView(record, directory),
      relatedRecords: relatedRecordsOf(record),
    });
  };
  const incidentView = (id: string) => {
    const record: Incident | undefined = records.get('incident', id);
    return record ? ok(toIncidentView(record, directory)) : fail('not-found', NOT_HERE.incident);
  };
  const requestView = (id: string) => {
    const record: Request | undefined = records.get('request', id);
    if (!record) return fail('not-found', NOT_HERE.request);
    const item = run.catalogItems.get(record.catalogItem) ?? null;
    return ok(toRequestView(record, item, directory));
  };

  switch (command.name) {
    case 'interaction.create':
    case 'interaction.update':
    case 'interaction.addWorkNote':
    case 'interaction.close':
      return interactionView(command.args.id);
    case 'incident.createFromInteraction':
    case 'interaction.associateIncident': {
      const [incidentId, interactionId] =
        command.name === 'interaction.associateIncident'
          ? [command.args.incidentId, command.args.id]
          : [command.args.id, command.args.interactionId];
      const incident = incidentView(incidentId);
      if (!incident.ok) return incident;
      const interaction = interactionView(interactionId);
      if (!interaction.ok) return interaction;
      return ok({ incident: incident.value, interaction: interaction.value });
    }
    case 'request.createFromInteraction': {
      const request = requestView(command.args.id);
      if (!request.ok) return request;
      const interaction = interactionView(command.args.interactionId);
      if (!interaction.ok) return interaction;
      return ok({ request: request.value, interaction: interaction.value });
    }
    case 'incident.update':
    case 'incident.addWorkNote':
    case 'incident.setState':
    case 'incident.resolve':
    case 'incident.close':
    case 'incident.cancel':
    case 'incident.reopen':
      return incidentView(command.args.id);
    case 'request.update':
    case 'request.addWorkNote':
    case 'request.setState':
      return requestView(command.args.id);
  }
}
