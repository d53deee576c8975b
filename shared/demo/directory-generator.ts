// The demo directory: deterministic synthetic users, assignment groups and configuration items,
// used until a desk server exists (and by the server's seed later). Pure: same seed, same data.

import type { ConfigurationItem, Directory, Group, User } from '../domain/directory';
import { asciiWord } from '../domain/search-text';
import { BUILDINGS, DEPARTMENTS, FIRST_NAMES, LAST_NAMES } from './names';

export const DEMO_AGENT_USER_NAME = 'demo.agent';
export const DEMO_AGENT_ID = 'usr_000001';
export const DEMO_EMAIL_DOMAIN = 'deskpad.example';
export const SERVICE_DESK_GROUP_ID = 'grp_service_desk';

export interface DirectoryOptions {
  /** Total users, fulfillers included. */
  users?: number;
  seed?: number;
}

/** mulberry32: tiny, fast and good enough for demo data; never for anything secret. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS: readonly { id: string; name: string; description: string }[] = [
  {
    id: SERVICE_DESK_GROUP_ID,
    name: 'Service Desk',
    description: 'First line: takes calls, walk-ins, chats and emails; resolves or routes them.',
  },
  { id: 'grp_network', name: 'Network', description: 'LAN, Wi-Fi, VPN and site connectivity.' },
  {
    id: 'grp_desktop_support',
    name: 'Desktop Support',
    description: 'Laptops, desktops, docking stations and peripherals at the desk.',
  },
  {
    id: 'grp_application_support',
    name: 'Application Support',
    description: 'Business applications: ERP, CRM, HR portal and the intranet.',
  },
  {
    id: 'grp_access_management',
    name: 'Access Management',
    description: 'Accounts, passwords, multi-factor authentication and permissions.',
  },
  {
    id: 'grp_hardware',
    name: 'Hardware',
    description: 'Repairs, replacements and hardware stock.',
  },
  {
    id: 'grp_facilities',
    name: 'Facilities',
    description: 'Buildings, meeting rooms, power and furniture.',
  },
  {
    id: 'grp_email_collaboration',
    name: 'Email and Collaboration',
    description: 'Mail, calendars, chat, meetings and file sharing.',
  },
  {
    id: 'grp_security_operations',
    name: 'Security Operations',
    description: 'Phishing reports, malware and security incidents.',
  },
  {
    id: 'grp_telephony',
    name: 'Telephony',
    description: 'Desk phones, softphones and mobile contracts.',
  },
];

const SERVICE_DESK_AGENTS = 6; // demo.agent and five colleagues
const TECHNICIANS = 25;
export const FULFILLER_COUNT = SERVICE_DESK_AGENTS + TECHNICIANS;

/** Business services and the applications people call about (Email → Outlook client). */
const SERVICES: readonly [string, readonly string[]][] = [
  ['Email', ['Outlook client', 'Exchange Online', 'Mobile mail']],
  ['Collaboration', ['Microsoft Teams', 'SharePoint', 'Zoom Rooms']],
  ['ERP', ['SAP GUI', 'SAP Fiori launchpad']],
  ['CRM', ['Salesforce', 'Salesforce mobile']],
  ['HR portal', ['Workday', 'Payslip viewer']],
  ['Remote access', ['GlobalProtect VPN client', 'Citrix Workspace']],
  ['Identity', ['Single sign-on', 'Password reset portal', 'MFA authenticator']],
  ['Printing', ['PaperCut print release']],
  ['Telephony', ['Softphone client', 'Voicemail']],
  ['File services', ['Network drives', 'OneDrive']],
  ['Intranet', ['Intranet portal']],
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function generateDirectory(options: DirectoryOptions = {}): Directory {
  const userCount = Math.max(FULFILLER_COUNT, Math.floor(options.users ?? 5000));
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const users = generateUsers(userCount, random, pick);
  const groups = generateGroups(users);
  const configurationItems = generateConfigurationItems(Math.round(userCount / 5), pick);
  return { users, groups, configurationItems };
}

function generateUsers(
  count: number,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
): User[] {
  const taken = new Map<string, number>([[DEMO_AGENT_USER_NAME, 1]]);
  // A few hundred distinct names: fold each once, not once per user.
  const folded = new Map<string, string>();
  const word = (name: string): string => {
    let w = folded.get(name);
    if (w === undefined) folded.set(name, (w = asciiWord(name)));
    return w;
  };
  // An affine map modulo 10^7 with a multiplier coprime to 10 is a permutation: unique phone
  // numbers for any count up to ten million, with no set of used numbers to keep.
  const phoneOffset = Math.floor(random() * 10_000_000);
  const users: User[] = [];
  for (let i = 0; i < count; i++) {
    const isAgent = i < SERVICE_DESK_AGENTS;
    const isFulfiller = i < FULFILLER_COUNT;
    const firstName = i === 0 ? 'Demo' : pick(FIRST_NAMES);
    const lastName = i === 0 ? 'Agent' : pick(LAST_NAMES);
    let userName = DEMO_AGENT_USER_NAME;
    if (i > 0) {
      const base = `${word(firstName)}.${word(lastName)}`;
      const seen = (taken.get(base) ?? 0) + 1;
      taken.set(base, seen);
      userName = seen === 1 ? base : `${base}${seen}`;
    }
    const department = isFulfiller ? 'Information Technology' : pick(DEPARTMENTS).name;
    const phone = pad((i * 3_141_593 + phoneOffset) % 10_000_000, 7);
    users.push({
      id: `usr_${pad(i + 1, 6)}`,
      userName,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      email: `${userName}@${DEMO_EMAIL_DOMAIN}`,
      phone: `+1 555 ${phone.slice(0, 3)} ${phone.slice(3)}`,
      employeeId: `E${pad(10_000 + i, 6)}`,
      department,
      location: pick(BUILDINGS).name,
      // About 2% overall, far more often in the executive office.
      vip: !isFulfiller && random() < (department === 'Executive Office' ? 0.25 : 0.0045),
      active: true,
      mobile: '',
      // What the server's E.164 reading of `phone` gives, so a call from it finds them.
      phoneE164: `+1555${phone}`,
      mobileE164: '',
      roles: isAgent ? ['agent'] : isFulfiller ? ['technician'] : [],
    });
  }
  return users;
}

function generateGroups(users: readonly User[]): Group[] {
  const members = new Map<string, string[]>(GROUPS.map((g) => [g.id, []]));
  const join = (groupId: string | undefined, user: User | undefined): void => {
    if (groupId !== undefined && user !== undefined) members.get(groupId)?.push(user.id);
  };
  for (let i = 0; i < SERVICE_DESK_AGENTS; i++) join(SERVICE_DESK_GROUP_ID, users[i]);
  // A desk agent usually also resets passwords.
  join('grp_access_management', users[1]);
  const technicalGroups = GROUPS.slice(1);
  for (let k = 0; k < TECHNICIANS; k++) {
    const user = users[SERVICE_DESK_AGENTS + k];
    join(technicalGroups[k % technicalGroups.length]?.id, user);
    // Every fourth technician covers a second group.
    if (k % 4 === 0) join(technicalGroups[(k + 3) % technicalGroups.length]?.id, user);
  }
  // The demo agent plays every part of the seeds' stories on a demo desk with no one else to sign
  // in as: a member of every group, so it may change the state of any demo incident or request
  // (the permission matrix lets an agent change the state of its groups' work only).
  for (const group of GROUPS.slice(1)) join(group.id, users[0]);
  return GROUPS.map((g) => ({ ...g, memberIds: members.get(g.id) ?? [] }));
}

function generateConfigurationItems(
  target: number,
  pick: <T>(list: readonly T[]) => T,
): ConfigurationItem[] {
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

  const floorNetworks: { id: string; location: string }[] = [];
  for (const building of BUILDINGS) {
    const buildingId = add(building.name, 'Building', null, building.name);
    for (let floor = 1; floor <= building.floors; floor++) {
      const prefix = `${building.code}-F${floor}`;
      const networkId = add(`${prefix} network`, 'Floor network', buildingId, building.name);
      floorNetworks.push({ id: networkId, location: building.name });
      add(`${prefix}-SW01`, 'Network switch', networkId, building.name);
      for (let n = 1; n <= 2; n++) add(`${prefix}-PRN0${n}`, 'Printer', networkId, building.name);
      for (let n = 1; n <= 3; n++)
        add(`${prefix}-AP0${n}`, 'Wireless access point', networkId, building.name);
    }
  }
  for (const [service, applications] of SERVICES) {
    const serviceId = add(service, 'Business service', null, '');
    for (const application of applications) add(application, 'Application', serviceId, '');
  }
  // End-user devices fill the rest, docked on a floor network of their site.
  const perDepartment = new Map<string, number>();
  for (let i = 0; items.length < target; i++) {
    const department = pick(DEPARTMENTS);
    const n = (perDepartment.get(department.code) ?? 0) + 1;
    perDepartment.set(department.code, n);
    const network = pick(floorNetworks);
    const laptop = i % 4 !== 3;
    const name = `${laptop ? 'LT' : 'DT'}-${department.code}-${pad(n, 5)}`;
    add(name, laptop ? 'Laptop' : 'Desktop', network.id, network.location);
  }
  return items;
}
