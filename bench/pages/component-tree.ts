// The configuration-item tree the Find existing incidents figure is taken on: sites → buildings →
// floors → network segments → switches → PCs, as deep as a real estate's CMDB. Pure; deterministic.

import type { ConfigurationItem } from '../../shared/domain/directory';
import { BUILDINGS, DEPARTMENTS } from '../../shared/demo/names';

/** Which site each demo building belongs to (its region). */
const SITES: readonly { name: string; buildings: readonly string[] }[] = [
  {
    name: 'Europe campus',
    buildings: ['LON-RH', 'MAN-PP', 'DUB-GC', 'PAR-LD', 'BER-SB', 'MAD-CA'],
  },
  { name: 'Americas campus', buildings: ['NYC-HY', 'AUS-DT'] },
  { name: 'Asia-Pacific campus', buildings: ['SIN-MO', 'SYD-BA'] },
];

const SERVICES: readonly (readonly [string, readonly string[]])[] = [
  ['Email and calendar', ['Outlook', 'Exchange Online', 'Shared mailboxes']],
  ['Finance systems', ['SAP ERP', 'Concur', 'Treasury portal']],
  ['People systems', ['Workday', 'Learning portal', 'Payroll']],
  ['Collaboration', ['Teams', 'SharePoint', 'Zoom', 'Confluence']],
  ['Customer systems', ['Salesforce', 'Zendesk', 'Contact centre']],
  ['Engineering tools', ['GitLab', 'Jira', 'Build farm']],
  ['Identity', ['Single sign-on', 'VPN', 'Password reset portal']],
  ['File services', ['Network drives', 'OneDrive']],
  ['Printing', ['Print server', 'Follow-me printing']],
  ['Intranet', ['Intranet portal', 'Room booking']],
];

const SEGMENTS_PER_FLOOR = ['A', 'B', 'C'];
const SWITCHES_PER_SEGMENT = 2;
const PRINTERS_PER_SEGMENT = 2;
const ACCESS_POINTS_PER_SEGMENT = 2;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * `target` configuration items (at least the infrastructure's ~1,500): every building floor
 * carries three network segments, each with its switches, printers and access points; PCs fill
 * the rest, each docked on one segment's access switch (five parents up to its site).
 */
export function buildComponentTree(target: number, random: () => number): ConfigurationItem[] {
  const items: ConfigurationItem[] = [];
  const add = (
    name: string,
    className: string,
    parentId: string | null,
    location: string,
  ): string => {
    const id = `ci_${pad(items.length + 1, 6)}`;
    items.push({ id, name, className, parentId, location });
    return id;
  };

  const switches: { id: string; location: string; prefix: string }[] = [];
  for (const site of SITES) {
    const siteId = add(site.name, 'Site', null, site.name);
    for (const code of site.buildings) {
      const building = BUILDINGS.find((b) => b.code === code);
      if (!building) continue;
      const buildingId = add(building.name, 'Building', siteId, building.name);
      for (let floor = 1; floor <= building.floors; floor++) {
        const prefix = `${building.code}-F${floor}`;
        const floorId = add(`${prefix}`, 'Floor', buildingId, building.name);
        for (const segment of SEGMENTS_PER_FLOOR) {
          const segmentPrefix = `${prefix}${segment}`;
          const segmentId = add(
            `${segmentPrefix} network`,
            'Floor network',
            floorId,
            building.name,
          );
          for (let n = 1; n <= SWITCHES_PER_SEGMENT; n++) {
            const switchId = add(
              `${segmentPrefix}-SW0${n}`,
              'Network switch',
              segmentId,
              building.name,
            );
            switches.push({ id: switchId, location: building.name, prefix: segmentPrefix });
          }
          for (let n = 1; n <= PRINTERS_PER_SEGMENT; n++)
            add(`${segmentPrefix}-PRN0${n}`, 'Printer', segmentId, building.name);
          for (let n = 1; n <= ACCESS_POINTS_PER_SEGMENT; n++)
            add(`${segmentPrefix}-AP0${n}`, 'Wireless access point', segmentId, building.name);
        }
      }
    }
  }
  for (const [service, applications] of SERVICES) {
    const serviceId = add(service, 'Business service', null, '');
    for (const application of applications) add(application, 'Application', serviceId, '');
  }
  const perDepartment = new Map<string, number>();
  for (let i = 0; items.length < target; i++) {
    const department = DEPARTMENTS[Math.floor(random() * DEPARTMENTS.length)] ?? DEPARTMENTS[0];
    const n = (perDepartment.get(department.code) ?? 0) + 1;
    perDepartment.set(department.code, n);
    const dock = switches[Math.floor(random() * switches.length)];
    if (!dock) break;
    const laptop = i % 4 !== 3;
    const name = `${laptop ? 'LT' : 'DT'}-${department.code}-${pad(n, 5)}`;
    add(name, laptop ? 'Laptop' : 'Desktop', dock.id, dock.location);
  }
  return items;
}

/** The items nothing hangs under: what an agent picks as an interaction's component. */
export function leavesOf(items: readonly ConfigurationItem[]): ConfigurationItem[] {
  const parents = new Set<string>();
  for (const item of items) if (item.parentId !== null) parents.add(item.parentId);
  return items.filter((item) => !parents.has(item.id));
}

/** Levels from each item up to its root, counted (1: a root). */
export function depthsOf(items: readonly ConfigurationItem[]): Map<number, number> {
  const parentOf = new Map(items.map((item) => [item.id, item.parentId]));
  const counts = new Map<number, number>();
  for (const item of items) {
    let depth = 1;
    for (let at = item.parentId; at !== null && depth < 64; depth++) at = parentOf.get(at) ?? null;
    counts.set(depth, (counts.get(depth) ?? 0) + 1);
  }
  return counts;
}
