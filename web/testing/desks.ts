// Test desks that read like a user's world, on the real store host over fake-indexeddb: the second
// seed's printer desk, a desk full of incidents. For tests only; every record enters by a command.

import { DEMO_AGENT_ID, SERVICE_DESK_GROUP_ID } from '../../shared/demo/directory-generator';
import { DEMO_PRINTER_EXAMPLE } from '../../shared/demo/incident-generator';
import type { User } from '../../shared/domain/directory';
import type { StoreResult } from '../../shared/domain/result';
import type { InteractionView } from '../../shared/store-api/contract';
import type {
  IncidentView,
  RequestView,
  TaskListItemView,
} from '../../shared/store-api/escalation-contract';
import type { StoreHost } from '../../electron/store/index';
import { openTestStore } from './open-test-store';

/** What a test reads back: the store's answer, or the test fails with the store's own words. */
export function valueOf<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface Desk {
  store: StoreHost;
  /** The agent at this desk (the demo directory's Demo Agent, in the Service Desk group). */
  agent: User;
  /** The incidents on the desk (up to 200), open or not, as the Incidents list's All shows them. */
  incidents(): Promise<TaskListItemView[]>;
  incident(id: string): Promise<IncidentView>;
  requests(): Promise<TaskListItemView[]>;
  request(id: string): Promise<RequestView>;
  interaction(id: string): Promise<InteractionView>;
  user(id: string): Promise<User>;
  close(): Promise<void>;
}

function deskOn(store: StoreHost, agent: User): Desk {
  return {
    store,
    agent,
    incidents: async () => valueOf(await store.query('incident.list', { limit: 200 })),
    incident: async (id) => {
      const found = valueOf(await store.query('incident.get', { id }));
      if (!found) throw new Error(`Incident ${id} is not on this desk.`);
      return found;
    },
    requests: async () => valueOf(await store.query('request.list', { limit: 200 })),
    request: async (id) => {
      const found = valueOf(await store.query('request.get', { id }));
      if (!found) throw new Error(`Request ${id} is not on this desk.`);
      return found;
    },
    interaction: async (id) => {
      const found = valueOf(await store.query('interaction.get', { id }));
      if (!found) throw new Error(`Interaction ${id} is not on this desk.`);
      return found;
    },
    user: async (id) => {
      const found = valueOf(await store.query('directory.getUser', { id }));
      if (!found) throw new Error(`User ${id} is not in the directory.`);
      return found;
    },
    close: () => store.close(),
  };
}

async function openDesk(incidents: number): Promise<Desk> {
  const store = await openTestStore({ demoIncidents: incidents });
  const agent = valueOf(await store.query('directory.getUser', { id: DEMO_AGENT_ID }));
  if (!agent) throw new Error('The demo agent is not in the directory.');
  return deskOn(store, agent);
}

export interface PrinterDeskOptions {
  /** The interaction is already assigned to the agent in the Service Desk group. */
  assigned?: boolean;
  /** Someone else logged the interaction for the person who reported the network incident. */
  callerIsIncidentCaller?: boolean;
}

export interface PrinterDesk extends Desk {
  /** The person on the phone who cannot print, and the interaction logged for them. */
  caller: User;
  interactionId: string;
  printer: { id: string; name: string };
  network: { id: string; name: string };
  /** The open incident on the printer's floor network, reported by someone else earlier. */
  outage: IncidentView;
}

/**
 * The second seed's printer example: a caller cannot print to LON-RH-F1-PRN01; its parent network
 * segment already has an open incident (INC0001001, the desk's only incident). The agent has logged
 * the interaction ("Cannot print") and saved it, unassigned unless `assigned`.
 */
export async function printerDesk(options: PrinterDeskOptions = {}): Promise<PrinterDesk> {
  const desk = await openDesk(1);
  const outage = await desk.incident(DEMO_PRINTER_EXAMPLE.incident.id);
  const callerId =
    options.callerIsIncidentCaller && outage.caller
      ? outage.caller
      : DEMO_PRINTER_EXAMPLE.caller.id;
  const caller = await desk.user(callerId);
  const interactionId = 'ims-printer';
  valueOf(
    await desk.store.command('interaction.create', {
      id: interactionId,
      openedFor: caller.id,
      contactEmail: '',
      contactPhone: '',
      type: 'Phone',
      component: DEMO_PRINTER_EXAMPLE.printer.id,
      assignmentGroup: options.assigned ? SERVICE_DESK_GROUP_ID : null,
      assignedTo: options.assigned ? desk.agent.id : null,
      shortDescription: 'Cannot print',
      description: 'Jobs sit in the queue.',
    }),
  );
  return {
    ...desk,
    caller,
    interactionId,
    printer: DEMO_PRINTER_EXAMPLE.printer,
    network: DEMO_PRINTER_EXAMPLE.network,
    outage,
  };
}

/** A local desk with `count` demo incidents in every state (the printer example's first). */
export function deskWithIncidents(count = 60): Promise<Desk> {
  return openDesk(count);
}
