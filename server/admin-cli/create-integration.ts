// `npm run admin -- create-integration`: a CTI integration from the command line, its token and
// endpoint address printed once (only the hash is kept). Never logs or audits the token.

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ctiEndpointUrl, IntegrationCreateInput } from '../../shared/admin/integrations';
import { COMMAND_LINE_ACTOR } from '../admin/audit-log';
import { auditedWrite } from '../admin/admin-store-kit';
import { createIntegration } from '../admin/integrations-store';
import { ApiError } from '../http/api-error';
import { hashIntegrationToken, newIntegrationToken } from '../phone/integration-token';
import type { AdminCliDeps } from './cli-deps';

export const CREATE_INTEGRATION_USAGE = `Usage: npm run admin -- create-integration --name NAME [--location ID]
         [--server-url https://desk.example.org] [--data DIR]

Prints the token and the address to paste into the phone system, once: only its hash is kept.
--server-url is the address the phone system reaches this server at (http://127.0.0.1:8787 unless told).`;

export async function runCreateIntegration(
  args: readonly string[],
  deps: AdminCliDeps,
): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        name: { type: 'string' },
        location: { type: 'string' },
        'server-url': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    deps.err(
      `${error instanceof Error ? error.message : String(error)}\n\n${CREATE_INTEGRATION_USAGE}`,
    );
    return 2;
  }
  if (values.help) {
    deps.out(CREATE_INTEGRATION_USAGE);
    return 0;
  }
  const parsed = IntegrationCreateInput.safeParse({
    name: values.name ?? '',
    locationId: values.location ?? null,
  });
  const serverUrl = values['server-url'] ?? 'http://127.0.0.1:8787';
  if (!parsed.success || !/^https?:\/\/[^/]+/.test(serverUrl)) {
    const problems = parsed.success
      ? '--server-url must start with https:// or http://.'
      : parsed.error.issues.map((i) => i.message).join(' ');
    deps.err(`${problems}\n\n${CREATE_INTEGRATION_USAGE}`);
    return 2;
  }
  const token = newIntegrationToken();
  const database = await deps.database();
  try {
    const integration = await auditedWrite(
      { db: database.db, now: () => deps.now() },
      COMMAND_LINE_ACTOR,
      (w) => createIntegration(w, randomUUID(), hashIntegrationToken(token), parsed.data),
    );
    deps.out(
      `Created the integration ${integration.name}${integration.locationName ? ` for ${integration.locationName}` : ''}.`,
    );
    deps.out(`Its address, shown only now (paste it into the phone system):`);
    deps.out(`  ${ctiEndpointUrl(serverUrl, token)}`);
    return 0;
  } catch (error) {
    if (error instanceof ApiError) {
      deps.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
