// The demo incidents: valid records from the real mutators, every state, deterministic, and the
// second seed's printer example first (an open incident on a printer's floor network).

import { describe, expect, it } from 'vitest';
import { ComponentIncidentIndex } from '../domain/component-search';
import { Incident } from '../domain/incident';
import { priorityOf } from '../domain/priority';
import { INCIDENT_STATES } from '../domain/task-states';
import { generateDirectory } from './directory-generator';
import {
  findPrinterScenario,
  generateIncidents,
  PRINTER_SCENARIO_INCIDENT_ID,
} from './incident-generator';

describe('generateIncidents', () => {
  const directory = generateDirectory({ users: 2000, seed: 1 });
  const incidents = generateIncidents(directory, { count: 500, seed: 1 });

  it('makes valid incidents with server numbers from INC0001001 and a derived priority', () => {
    expect(incidents).toHaveLength(500);
    for (const incident of incidents) {
      Incident.parse(incident);
      expect(incident.priority).toBe(priorityOf(incident.impact, incident.urgency));
    }
    expect(incidents[0]?.number).toBe('INC0001001');
    expect(incidents.at(-1)?.number).toBe('INC0001500');
    expect(new Set(incidents.map((i) => i.id)).size).toBe(500);
  });

  it('covers the states but Canceled, mostly open', () => {
    const states = new Set(incidents.map((i) => i.state));
    expect([...states].sort()).toEqual(INCIDENT_STATES.filter((s) => s !== 'Canceled').sort());
    const open = incidents.filter((i) => ['New', 'In Progress', 'On Hold'].includes(i.state));
    expect(open.length / incidents.length).toBeGreaterThan(0.7);
  });

  it('respects the assignment rules and never dates anything after now', () => {
    const members = new Map(directory.groups.map((g) => [g.id, new Set(g.memberIds)]));
    for (const incident of incidents) {
      if (incident.assignedTo !== null)
        expect(members.get(incident.assignmentGroup ?? '')?.has(incident.assignedTo)).toBe(true);
      for (const at of [incident.openedAt, incident.updatedAt, incident.closedAt ?? ''])
        expect(at <= '2026-11-23T09:00:00.000Z').toBe(true);
    }
  });

  it('is the same for the same seed', () => {
    expect(generateIncidents(directory, { count: 50, seed: 3 })).toEqual(
      generateIncidents(directory, { count: 50, seed: 3 }),
    );
  });

  it('starts with the printer example: Find existing incidents from the printer offers it', () => {
    const scenario = findPrinterScenario(directory);
    if (!scenario) throw new Error('no printer on a floor network');
    expect(scenario.network.id).toBe(scenario.printer.parentId);
    expect(incidents[0]).toMatchObject({
      id: PRINTER_SCENARIO_INCIDENT_ID,
      state: 'New',
      component: scenario.network.id,
      assignmentGroup: 'grp_network',
      assignedTo: null,
    });
    const index = ComponentIncidentIndex.fromItems(directory.configurationItems, incidents);
    const hit = index
      .search(scenario.printer.id)
      .hits.find((h) => h.incident.id === scenario.incidentId);
    expect(hit?.distance).toBe(1);
  });
});
