// The small typed port the escalation screens talk through: the store host's command, query and
// subscribe, narrowed to the operations these screens use. Never implements one: the app passes it.

import type { z } from 'zod';
import type { StoreResult } from '../../shared/domain/result';
import type {
  CommandName,
  CommandOutputs,
  commandInputs,
  QueryName,
  QueryOutputs,
  queryInputs,
  Unsubscribe,
} from '../../shared/store-api/contract';
import type {
  EscalationQueryName,
  EscalationQueryOutputs,
  escalationQueryInputs,
} from '../../shared/store-api/escalation-contract';

/** The escalation, incident and request commands (the registry has them all). */
type EscalationCommandName =
  | Extract<CommandName, `incident.${string}` | `request.${string}`>
  | 'interaction.associateIncident';

/** What the escalation screens still ask of the interaction and directory operations of today. */
type BaseCommandName = Extract<CommandName, 'interaction.update' | 'interaction.close'>;
type BaseQueryName = Extract<
  QueryName,
  | 'session.current'
  | 'interaction.get'
  | 'directory.searchUsers'
  | 'directory.listGroups'
  | 'directory.groupMembers'
  | 'directory.searchConfigurationItems'
  | 'directory.getConfigurationItem'
>;

export type PortCommandName = BaseCommandName | EscalationCommandName;
export type PortQueryName = BaseQueryName | EscalationQueryName;

// Indexed maps, not conditional types: the real client's generic methods then match these as they are.
type PortCommandInputs = Pick<typeof commandInputs, BaseCommandName | EscalationCommandName>;
type PortCommandOutputs = Pick<CommandOutputs, BaseCommandName | EscalationCommandName>;
type PortQueryInputs = Pick<typeof queryInputs, BaseQueryName> & typeof escalationQueryInputs;
type PortQueryOutputs = Pick<QueryOutputs, BaseQueryName> & EscalationQueryOutputs;

export type PortCommandInput<N extends PortCommandName> = z.input<PortCommandInputs[N]>;
export type PortCommandOutput<N extends PortCommandName> = PortCommandOutputs[N];
export type PortQueryInput<N extends PortQueryName> = z.input<PortQueryInputs[N]>;
export type PortQueryOutput<N extends PortQueryName> = PortQueryOutputs[N];

/**
 * The store host as these screens see it. Once contract.ts spreads the escalation maps, the
 * store client satisfies it as it is; until then a test passes a fake.
 */
export interface EscalationPort {
  command<N extends PortCommandName>(
    name: N,
    input: PortCommandInput<N>,
  ): Promise<StoreResult<PortCommandOutput<N>>>;
  query<N extends PortQueryName>(
    name: N,
    input: PortQueryInput<N>,
  ): Promise<StoreResult<PortQueryOutput<N>>>;
  subscribe<N extends PortQueryName>(
    name: N,
    input: PortQueryInput<N>,
    listener: (result: StoreResult<PortQueryOutput<N>>) => void,
  ): Promise<Unsubscribe>;
}
