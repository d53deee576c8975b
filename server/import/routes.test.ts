// The upload endpoint and the imports.* operations on a real server: non-admins are refused before
// the body is read, a bad file is a 400 with a clear message, and a good file goes from upload
// through the dry run to the import, with progress, on the desks' directory feed.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportJob, ImportUpload } from '../../shared/admin/import';
import type { ApiErrorBody } from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, signIn, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { directoryFeedPage } from '../directory/directory-feed';

const UPLOAD = '/api/v1/admin/imports?kind=users&fileName=people.csv';

async function upload(client: ApiClient, body: string | Buffer, url = UPLOAD) {
  const response = await client.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'text/csv',
      ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
    },
    payload: body,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) as unknown };
}

async function settled(admin: ApiClient, importId: string): Promise<ImportJob> {
  for (let i = 0; i < 200; i++) {
    const job = (await admin.post<ImportJob>('/api/v1/admin/imports.status', { importId })).body;
    if (!['checking', 'importing'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import did not settle');
}

const FILE =
  '\uFEFFEmployee ID;Login;First name;Last name;E-mail;Telephone\r\n' +
  'E1;gwen.hall;Gwen;Hall;gwen@example.org;020 7946 0958\r\n' +
  'E2;otto.berg;Otto;Berg;otto@example.org;(555) 123-4567\r\n';

describeOnDatabases('the import endpoints', (suite) => {
  let app: FastifyInstance;

  beforeEach(async () => {
    await seedDirectory(suite.database());
    app = await testServer(suite.database(), { phoneRegion: 'GB' });
  });
  afterEach(() => app.close());

  it('refuses anyone but an admin before reading the body', async () => {
    expect((await upload(new ApiClient(app), FILE)).status).toBe(401);
    const agent = await signIn(app, 'ana.agent');
    const refused = await upload(agent, FILE);
    expect(refused.status).toBe(403);
    expect((refused.body as ApiErrorBody).error.code).toBe('forbidden');
    const run = await agent.post<ApiErrorBody>('/api/v1/admin/imports.list', {});
    expect(run.status).toBe(403);
  });

  it('answers a bad file with 400 and a clear message', async () => {
    const admin = await signIn(app, 'adam.admin');
    const cases: [string | Buffer, RegExp][] = [
      ['', /empty/],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /not text/],
      ['id,name\nE1,"Ann\n', /never closed/],
    ];
    for (const [body, message] of cases) {
      const reply = await upload(admin, body);
      expect(reply.status).toBe(400);
      expect((reply.body as ApiErrorBody).error.message).toMatch(message);
    }
    expect((await upload(admin, FILE, '/api/v1/admin/imports?kind=printers')).status).toBe(400);
  });

  it('uploads, checks and imports a file; the desks feed carries the users with E.164 phones', async () => {
    const admin = await signIn(app, 'adam.admin');
    const uploaded = await upload(admin, FILE);
    expect(uploaded.status).toBe(201);
    const answer = uploaded.body as ImportUpload;
    expect(answer).toMatchObject({
      kind: 'users',
      fileName: 'people.csv',
      delimiter: ';',
      hasBom: true,
      columns: ['Employee ID', 'Login', 'First name', 'Last name', 'E-mail', 'Telephone'],
      preview: [expect.arrayContaining(['E1', 'gwen.hall']), expect.arrayContaining(['E2'])],
      guessedMapping: {
        externalKey: 'Employee ID',
        userName: 'Login',
        email: 'E-mail',
        phone: 'Telephone',
        mobile: null,
      },
    });
    const input = {
      importId: answer.importId,
      mapping: answer.guessedMapping,
      deactivateMissing: false,
    };
    await admin.post('/api/v1/admin/imports.run', { ...input, dryRun: true });
    const checked = await settled(admin, answer.importId);
    expect(checked).toMatchObject({
      state: 'checked',
      problemCount: 0,
      rowsTotal: 2,
      wouldDeactivate: 0,
    });
    const started = await admin.post<ImportJob>('/api/v1/admin/imports.run', {
      ...input,
      dryRun: false,
    });
    expect(started.status).toBe(200);
    const done = await settled(admin, answer.importId);
    expect(done).toMatchObject({
      state: 'done',
      rowsDone: 2,
      counts: { created: 2, updated: 0, unchanged: 0, deactivated: 0 },
    });
    const again = await admin.post<ApiErrorBody>('/api/v1/admin/imports.run', {
      ...input,
      dryRun: false,
    });
    expect(again.status).toBe(409);

    const feed = await directoryFeedPage(suite.database().db, 0, 1000);
    const users = JSON.parse(feed.users) as {
      userName: string;
      phoneE164: string;
      active: boolean;
    }[];
    expect(users.find((u) => u.userName === 'gwen.hall')).toMatchObject({
      phoneE164: '+442079460958',
      active: true,
    });
    const listed = await admin.post<{ imports: ImportJob[] }>('/api/v1/admin/imports.list', {});
    expect(listed.body.imports.map((j) => j.importId)).toEqual([answer.importId]);
  });

  it('takes files beyond the API body limit, streamed to disk', async () => {
    const admin = await signIn(app, 'adam.admin');
    const rows = Array.from({ length: 40_000 }, (_, i) => `E${i},user${i},user${i}@example.org\n`);
    const big = `Employee ID,Login,E-mail\n${rows.join('')}`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const reply = await upload(admin, big);
    expect(reply.status).toBe(201);
    expect((reply.body as ImportUpload).bytes).toBe(Buffer.byteLength(big));
  });

  it('reports a file broken past its first lines as the problem of the dry run, by line', async () => {
    const admin = await signIn(app, 'adam.admin');
    const rows = Array.from({ length: 20 }, (_, i) => `E${i},user${i}\n`).join('');
    // Invalid bytes in the first MiB are refused at the upload; past it, or broken quotes past
    // the preview, the dry run finds them.
    const big = Array.from({ length: 100_000 }, (_, i) => `E${i},user${i}\n`).join('');
    const cases: [Buffer, number, RegExp][] = [
      [Buffer.from(`Employee ID,Login\n${rows}E99,"broken\nE100,x\n`), 23, /never closed/],
      [
        Buffer.concat([
          Buffer.from(`Employee ID,Login\n${big}`),
          Buffer.from([0x45, 0x39, 0x2c, 0xc3, 0x28, 0x0a]),
        ]),
        100_002,
        /not UTF-8/,
      ],
    ];
    for (const [body, line, message] of cases) {
      const uploaded = await upload(admin, body);
      const answer = uploaded.body as ImportUpload;
      await admin.post('/api/v1/admin/imports.run', {
        importId: answer.importId,
        mapping: answer.guessedMapping,
        dryRun: true,
        deactivateMissing: false,
      });
      const job = await settled(admin, answer.importId);
      expect(job).toMatchObject({
        state: 'checked',
        problemCount: 1,
        problems: [{ line, column: null }],
      });
      expect(job.problems[0]?.message).toMatch(message);
    }
  }, 60_000);

  it('refuses a real run of a file with problems and writes nothing', async () => {
    const admin = await signIn(app, 'adam.admin');
    const answer = (await upload(admin, 'Employee ID,Login,E-mail\nE1,ann,nope\n'))
      .body as ImportUpload;
    await admin.post('/api/v1/admin/imports.run', {
      importId: answer.importId,
      mapping: answer.guessedMapping,
      dryRun: false,
      deactivateMissing: false,
    });
    const job = await settled(admin, answer.importId);
    expect(job).toMatchObject({ state: 'checked', problemCount: 1, counts: { created: 0 } });
    expect(job.message).toMatch(/nothing was written/);
    const missing = await admin.post<ApiErrorBody>('/api/v1/admin/imports.run', {
      importId: answer.importId,
      mapping: { externalKey: 'Nope' },
      dryRun: true,
      deactivateMissing: false,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/No column is chosen for userName/);
  });
});
