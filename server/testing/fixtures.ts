// Test fixtures for the server: a small directory with agents, a technician, an admin and
// callers; a server built on a test database; and helpers that speak the API like a desk.

import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Directory } from '../../shared/domain/directory';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import type { PushedMutation } from '../../shared/sync/protocol';
import { testUser } from '../../shared/domain/testing/test-user';
import { buildServer, type ServerOptions } from '../app';
import { hashPassword } from '../auth/passwords';
import type { ServerDatabase } from '../db/open-database';
import { insertDirectory } from '../directory/directory-store';
import { lockVersion, saveVersion } from '../sync/versions';

export const TEST_PASSWORD = 'correct horse battery staple';

const person = (
  id: string,
  userName: string,
  name: string,
  roles: ('agent' | 'technician' | 'admin')[],
) => {
  const [firstName = name, lastName = ''] = name.split(' ');
  return testUser({
    id,
    userName,
    firstName,
    lastName,
    name,
    email: `${userName}@deskpad.example`,
    phone: '+1 555 010 0000',
    employeeId: `E-${id}`,
    department: roles.length > 0 ? 'Information Technology' : 'Finance',
    location: 'HQ',
    roles,
  });
};

export function smallDirectory(): Directory {
  return {
    users: [
      person('agent-1', 'ana.agent', 'Ana Agent', ['agent']),
      person('agent-2', 'bo.agent', 'Bo Agent', ['agent']),
      person('tech-1', 'tess.tech', 'Tess Tech', ['technician']),
      person('admin-1', 'adam.admin', 'Adam Admin', ['admin']),
      person('caller-1', 'carla.caller', 'Carla Caller', []),
      person('caller-2', 'cyril.caller', 'Cyril Caller', []),
      person('caller-3', 'percent%user', 'Percy Percent', []),
    ],
    groups: [
      {
        id: 'grp-desk',
        name: 'Service Desk',
        description: 'First line',
        memberIds: ['agent-1', 'agent-2'],
      },
      { id: 'grp-net', name: 'Network', description: 'LAN and Wi-Fi', memberIds: ['tech-1'] },
    ],
    configurationItems: [
      { id: 'ci-hq', name: 'HQ', className: 'Building', parentId: null, location: 'HQ' },
      {
        id: 'ci-f1',
        name: 'HQ-F1 network',
        className: 'Floor network',
        parentId: 'ci-hq',
        location: 'HQ',
      },
      {
        id: 'ci-prn',
        name: 'HQ-F1-PRN01',
        className: 'Printer',
        parentId: 'ci-f1',
        location: 'HQ',
      },
    ],
  };
}

let sharedHash: Promise<string> | null = null;

/** Everyone with a role gets TEST_PASSWORD (one hash for all: argon2 is slow on purpose). */
export async function seedDirectory(
  database: Pick<ServerDatabase, 'db'>,
  directory = smallDirectory(),
): Promise<void> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const hash = await sharedHash;
  const hashes = new Map(
    directory.users.filter((u) => u.roles.length > 0).map((u) => [u.id, hash]),
  );
  await database.db.transaction().execute(async (trx) => {
    const version = await lockVersion(trx);
    await saveVersion(trx, await insertDirectory(trx, directory, version, hashes));
  });
}

/**
 * The test server's now: a few days after the fixtures' desk times (the server keeps a desk's time
 * only within 30 days of its own), running on as real time does, so waits still pass.
 */
export const FIXTURE_NOW = '2026-12-01T12:00:00.000Z';
const fixtureOffset = Date.now() - Date.parse(FIXTURE_NOW);
export const fixtureClock = (): Date => new Date(Date.now() - fixtureOffset);

export async function testServer(
  database: Pick<ServerDatabase, 'db' | 'pokes'>,
  options: Partial<ServerOptions> = {},
): Promise<FastifyInstance> {
  return buildServer({ database, signInRateLimit: false, now: fixtureClock, ...options });
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

/** A desk's view of the API through `app.inject`. */
export class ApiClient {
  readonly app: FastifyInstance;
  token: string | null;

  constructor(app: FastifyInstance, token: string | null = null) {
    this.app = app;
    this.token = token;
  }

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const body = response.body === '' ? null : (JSON.parse(response.body) as T);
    return { status: response.statusCode, body: body as T, headers: response.headers };
  }

  get<T = unknown>(url: string): Promise<Reply<T>> {
    return this.request<T>('GET', url);
  }

  post<T = unknown>(url: string, payload: unknown): Promise<Reply<T>> {
    return this.request<T>('POST', url, payload);
  }
}

export async function signIn(
  app: FastifyInstance,
  userName = 'ana.agent',
  password = TEST_PASSWORD,
): Promise<ApiClient> {
  const reply = await new ApiClient(app).post<{ token: string }>('/api/v1/sessions', {
    userName,
    password,
  });
  if (reply.status !== 201)
    throw new Error(`sign-in as ${userName} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return new ApiClient(app, reply.body.token);
}

export function createArgs(
  id: string,
  over: Partial<CreateInteractionArgs> = {},
): CreateInteractionArgs {
  return {
    id,
    openedFor: 'caller-1',
    contactEmail: 'carla.caller@deskpad.example',
    contactPhone: '+1 555 010 0000',
    type: 'Walk-in',
    component: 'ci-prn',
    assignmentGroup: 'grp-desk',
    assignedTo: null,
    shortDescription: `Printer jam ${id}`,
    description: '',
    ...over,
  };
}

/** Builds consecutive mutations for one desk, as its outbox would. */
export class DeskOutbox {
  private next = 1;
  readonly clientId: string;
  readonly actorId: string;

  constructor(clientId: string, actorId = 'agent-1') {
    this.clientId = clientId;
    this.actorId = actorId;
  }

  mutation(name: string, args: unknown, at = '2026-11-23T10:00:00.000Z'): PushedMutation {
    return { mutationId: this.next++, name, args, at, actorId: this.actorId };
  }

  push(mutations: PushedMutation[]): { clientId: string; mutations: PushedMutation[] } {
    return { clientId: this.clientId, mutations };
  }
}
