// An empty desk server started as the README says, without --demo: it prints the setup link and
// the command-line alternative on its console, and the link's code creates the first administrator.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../shared/sync/server-api';
import {
  ensureServerBuild,
  startServerProcess,
  type ServerProcess,
} from '../security/server-process';

const PROCESS_TIMEOUT_MS = 120_000;

describe('npm run server without --demo on an empty database', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    ensureServerBuild();
    server = await startServerProcess([]);
  }, PROCESS_TIMEOUT_MS);
  afterAll(() => server.stop());

  it('prints the setup link once with the command line beside it, and the link creates the first administrator', async () => {
    const output = server.output();
    const links = output.match(/http:\/\/127\.0\.0\.1:\d+\/#setup=[A-Za-z0-9_-]{43}/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toContain(`:${server.port}/`);
    expect(output).toContain('npm run admin -- create-user --user-name NAME --role admin');
    const code = (links[0] ?? '').split('#setup=')[1];

    const setup = (userName: string) =>
      fetch(`${server.url}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code,
          userName,
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: '',
          password: 'a long first password',
        }),
      });
    const created = await setup('ada');
    expect(created.status).toBe(201);
    expect(SignInResponse.parse(await created.json()).agent.roles).toEqual(['admin']);
    expect((await setup('eve')).status).toBe(409);
  });
});
