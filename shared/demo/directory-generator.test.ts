// Tests for the demo directory: deterministic, unique where people rely on uniqueness, a sound
// configuration-item hierarchy, demo.agent on the Service Desk, and fast enough for 100k users.

import { describe, expect, it } from 'vitest';
import {
  DEMO_AGENT_ID,
  DEMO_AGENT_USER_NAME,
  FULFILLER_COUNT,
  SERVICE_DESK_GROUP_ID,
  generateDirectory,
} from './directory-generator';
import { ConfigurationItem, Group, User } from '../domain/directory';

const uniqueCount = (values: readonly string[]): number => new Set(values).size;

describe('generateDirectory', () => {
  const directory = generateDirectory({ users: 5000, seed: 1 });

  it('is the same for the same seed and different for another', () => {
    expect(generateDirectory({ users: 300, seed: 7 })).toEqual(
      generateDirectory({ users: 300, seed: 7 }),
    );
    expect(generateDirectory({ users: 300, seed: 8 }).users[40]).not.toEqual(
      generateDirectory({ users: 300, seed: 7 }).users[40],
    );
  });

  it('has the requested number of users and about a fifth as many configuration items', () => {
    expect(directory.users).toHaveLength(5000);
    expect(directory.configurationItems).toHaveLength(1000);
    expect(directory.groups.length).toBeGreaterThanOrEqual(10);
  });

  it('gives every user a unique id, user name, email, phone and employee id', () => {
    const { users } = generateDirectory({ users: 30_000, seed: 3 });
    for (const field of ['id', 'userName', 'email', 'phone', 'employeeId'] as const) {
      expect(uniqueCount(users.map((u) => u[field])), field).toBe(users.length);
    }
  });

  it('makes realistic users that satisfy the directory schema', () => {
    for (const user of directory.users.slice(0, 500)) User.parse(user);
    const user = directory.users[100];
    expect(user?.email).toBe(`${user?.userName}@deskpad.example`);
    expect(user?.phone).toMatch(/^\+1 555 \d{3} \d{4}$/);
    expect(user?.employeeId).toMatch(/^E0\d{5}$/);
    expect(user?.userName).toMatch(/^[a-z0-9]+\.[a-z0-9]+\d*$/);
    const vipShare = directory.users.filter((u) => u.vip).length / directory.users.length;
    expect(vipShare).toBeGreaterThan(0.01);
    expect(vipShare).toBeLessThan(0.035);
  });

  it('has demo.agent as an agent on the Service Desk', () => {
    const agent = directory.users.find((u) => u.userName === DEMO_AGENT_USER_NAME);
    expect(agent).toMatchObject({ id: DEMO_AGENT_ID, name: 'Demo Agent', roles: ['agent'] });
    const desk = directory.groups.find((g) => g.id === SERVICE_DESK_GROUP_ID);
    expect(desk?.name).toBe('Service Desk');
    expect(desk?.memberIds).toContain(DEMO_AGENT_ID);
  });

  it('spreads about thirty fulfillers over the groups, each group with a description and members', () => {
    const fulfillers = directory.users.filter((u) => u.roles.length > 0);
    expect(fulfillers).toHaveLength(FULFILLER_COUNT);
    const userIds = new Set(directory.users.map((u) => u.id));
    for (const group of directory.groups) {
      Group.parse(group);
      expect(group.description).not.toBe('');
      expect(group.memberIds.length, group.name).toBeGreaterThanOrEqual(2);
      for (const id of group.memberIds) expect(userIds.has(id)).toBe(true);
    }
  });

  it('puts configuration items in a hierarchy whose parents exist and never loop', () => {
    const { configurationItems } = generateDirectory({ users: 20_000, seed: 2 });
    const byId = new Map(configurationItems.map((ci) => [ci.id, ci]));
    expect(byId.size).toBe(configurationItems.length);
    for (const item of configurationItems) {
      ConfigurationItem.parse(item);
      const seen = new Set<string>();
      let current: ConfigurationItem | undefined = item;
      while (current?.parentId != null) {
        expect(seen.has(current.id), `cycle at ${item.id}`).toBe(false);
        seen.add(current.id);
        const parent = byId.get(current.parentId);
        expect(parent, `parent of ${current.id}`).toBeDefined();
        current = parent;
      }
    }
    const printer = configurationItems.find((ci) => ci.className === 'Printer');
    const network = byId.get(printer?.parentId ?? '');
    expect(network?.className).toBe('Floor network');
    expect(byId.get(network?.parentId ?? '')?.className).toBe('Building');
    const outlook = configurationItems.find((ci) => ci.name === 'Outlook client');
    expect(byId.get(outlook?.parentId ?? '')?.name).toBe('Email');
  });

  it('generates 100,000 users well under a second', () => {
    const started = performance.now();
    const big = generateDirectory({ users: 100_000, seed: 1 });
    const ms = performance.now() - started;
    console.info(`generateDirectory(100,000 users): ${ms.toFixed(0)} ms`);
    expect(big.users).toHaveLength(100_000);
    expect(big.configurationItems).toHaveLength(20_000);
    expect(ms).toBeLessThan(1000);
  });
});
