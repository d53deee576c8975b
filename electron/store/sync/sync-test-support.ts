// Fixtures for this folder's unit tests: a desk database on fake-indexeddb, records made by the
// real mutators, outbox entries. Imported by tests only; never by code that ships.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { createIncidentFromInteraction } from '../../../shared/domain/escalation';
import type { User } from '../../../shared/domain/directory';
import type { Incident } from '../../../shared/domain/incident';
import { testUser } from '../../../shared/domain/testing/test-user';
import {
  createInteraction,
  type CreateInteractionArgs,
  type Interaction,
} from '../../../shared/domain/interaction';
import type { CommandArgs, CommandName } from '../../../shared/store-api/contract';
import type { OutboxEntry } from '../../../shared/store-api/outbox';
import { openDeskDb, writeMeta, type DeskDb } from '../db';

/** The agent a scripted desk server signs in. */
export const TEST_AGENT: User = testUser({
  id: 'usr_000001',
  userName: 'demo.agent',
  firstName: 'Dana',
  name: 'Dana Agent',
  email: 'dana@example.test',
  phone: '',
  employeeId: 'E1',
  department: 'IT',
});

export async function openTestDesk(
  factory: IDBFactory = new IDBFactory(),
  clientId = 'desk-1',
): Promise<DeskDb> {
  const db = await openDeskDb({
    name: 'desk',
    indexedDB: factory,
    IDBKeyRange,
  });
  await writeMeta(db, 'clientId', clientId);
  return db;
}

/** Opens test desks (several may share a factory, as windows do), each closed after its test. */
export function desksClosedAfterEach(): (factory: IDBFactory) => Promise<DeskDb> {
  const opened: DeskDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  return async (factory) => {
    const db = await openTestDesk(factory);
    opened.push(db);
    return db;
  };
}

export const rules = { isGroupMember: () => true, userName: (id: string) => id };
export const AGENT = 'agent-1';
export const at = (minute: number): string =>
  `2026-11-23T09:${String(minute).padStart(2, '0')}:00.000Z`;
export const ctxAt = (minute: number) => ({ now: at(minute), actorId: AGENT, directory: rules });

export const interactionArgs = (
  id: string,
  over: Partial<CreateInteractionArgs> = {},
): CreateInteractionArgs => ({
  id,
  openedFor: 'usr_caller',
  contactEmail: '',
  contactPhone: '',
  type: 'Phone',
  component: 'ci_printer',
  assignmentGroup: 'grp_desk',
  assignedTo: AGENT,
  shortDescription: `Cannot print ${id}`,
  description: '',
  ...over,
});

/** An open interaction assigned to a fulfiller (so it can be escalated). */
export function interaction(id: string, number: string, provisional = false): Interaction {
  const made = createInteraction(interactionArgs(id), number, provisional, ctxAt(0));
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

export const incidentArgs = (
  id: string,
  interactionId: string,
): CommandArgs<'incident.createFromInteraction'> => ({
  id,
  interactionId,
  caller: 'usr_caller',
  shortDescription: 'Printer offline on floor 3',
  description: '',
  component: 'ci_printer',
  category: 'Hardware',
  impact: 3,
  urgency: 3,
  assignmentGroup: 'grp_desk',
  assignedTo: null,
});

/** An incident escalated from `from`, as the server would hold both (real numbers). */
export function escalated(
  from: Interaction,
  id: string,
  number: string,
  provisional = false,
): { incident: Incident; interaction: Interaction } {
  const made = createIncidentFromInteraction(
    from,
    incidentArgs(id, from.id),
    number,
    provisional,
    ctxAt(1),
  );
  if (!made.ok) throw new Error(made.error.message);
  return { incident: made.value.record, interaction: made.value.interaction };
}

export function entry<N extends CommandName>(
  mutationId: number,
  name: N,
  args: CommandArgs<N>,
): OutboxEntry & { mutationId: number } {
  return { mutationId, clientId: 'desk-1', name, args, at: at(mutationId), actorId: AGENT };
}
