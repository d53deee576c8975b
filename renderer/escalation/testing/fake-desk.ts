// A small desk for the escalation component tests: the second seed's printer on a floor network,
// an incident already open on the network, an interaction from another caller. Tests only.

import { generateCatalog } from '../../../shared/demo/catalog-generator';
import { directoryRules } from '../../../shared/domain/assignment';
import type { User } from '../../../shared/domain/directory';
import { createIncident } from '../../../shared/domain/incident';
import type { Interaction } from '../../../shared/domain/interaction';
import type { FakeDesk } from './fake-escalation-port';

const user = (id: string, name: string, roles: User['roles'] = []): User => ({
  id,
  userName: name.toLowerCase().replace(' ', '.'),
  firstName: name.split(' ')[0] ?? name,
  lastName: name.split(' ')[1] ?? '',
  name,
  email: `${id}@deskpad.example`,
  phone: '',
  employeeId: id,
  department: 'Finance',
  location: 'Building A',
  vip: false,
  roles,
});

export const AT = '2026-11-24T09:00:00.000Z';

export function printerDesk(): FakeDesk {
  const agent = user('usr_agent', 'Demo Agent', ['agent']);
  const tech = user('usr_tech', 'Tess Technician', ['technician']);
  const ana = user('usr_ana', 'Ana Caller');
  const ben = user('usr_ben', 'Ben Caller');
  const desk: FakeDesk = {
    agent,
    users: [agent, tech, ana, ben],
    groups: [
      { id: 'grp_service_desk', name: 'Service Desk', description: '', memberIds: [agent.id] },
      { id: 'grp_network', name: 'Network', description: '', memberIds: [tech.id] },
    ],
    items: [
      {
        id: 'ci_building',
        name: 'Building A',
        className: 'Building',
        parentId: null,
        location: '',
      },
      {
        id: 'ci_net3',
        name: 'Floor 3 network',
        className: 'Floor network',
        parentId: 'ci_building',
        location: '',
      },
      { id: 'ci_prn', name: 'PRN-3-01', className: 'Printer', parentId: 'ci_net3', location: '' },
    ],
    catalog: generateCatalog(),
    interactions: new Map(),
    incidents: new Map(),
    requests: new Map(),
    needsAttention: [],
    sent: [],
  };
  const interaction: Interaction & { relatedRecords: [] } = {
    id: 'ims-1',
    number: 'IMS0001001',
    numberProvisional: false,
    openedFor: ana.id,
    contactEmail: '',
    contactPhone: '',
    type: 'Phone',
    component: 'ci_prn',
    assignmentGroup: null,
    assignedTo: null,
    shortDescription: 'Cannot print',
    description: 'Jobs sit in the queue.',
    state: 'New',
    workNotes: [],
    openedAt: AT,
    openedBy: agent.id,
    closedAt: null,
    closedBy: null,
    handleTimeSeconds: null,
    updatedAt: AT,
    updatedBy: agent.id,
    relatedRecords: [],
  };
  desk.interactions.set(interaction.id, interaction);
  const outage = createIncident(
    {
      id: 'inc-net',
      caller: ben.id,
      shortDescription: 'Floor 3 network segment down',
      description: '',
      component: 'ci_net3',
      category: 'Network',
      impact: 1,
      urgency: 2,
      assignmentGroup: 'grp_network',
      assignedTo: tech.id,
    },
    'INC0001001',
    false,
    { now: AT, actorId: tech.id, directory: directoryRules(desk) },
  );
  if (!outage.ok) throw new Error(outage.error.message);
  desk.incidents.set(outage.value.id, outage.value);
  return desk;
}
