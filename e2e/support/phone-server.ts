// What the phone e2e tests set up on the real desk server as an administrator would: a generic CTI
// integration (its URL shown once), a number on the location's block list, and two people sharing
// one number (an HR export imported through the admin API). Never writes the database directly.

import { IMPORT_FIELDS } from '../../shared/admin/import';
import { ctiEndpointUrl, type IntegrationCreated } from '../../shared/admin/integrations';
import { ADMIN_PREFIX } from '../../shared/admin/operation';
import { adminCall, prepareLocation, signInApi, type ApiSession } from './walk-up-server';

/**
 * Administration → Integrations: a new generic CTI integration for the location; answers the URL
 * to paste into the phone system, shown this once.
 */
export async function createCtiIntegration(
  serverUrl: string,
  name: string,
  locationId: string | null,
): Promise<string> {
  const admin = await signInApi(serverUrl, 'demo.admin');
  const created = await adminCall<IntegrationCreated>(admin, 'integrations.create', {
    name,
    locationId,
  });
  return ctiEndpointUrl(serverUrl, created.token);
}

/** Administration → Locations: the number on the location's block list (kept in E.164). */
export async function blockNumber(serverUrl: string, number: string): Promise<string> {
  const location = await prepareLocation(serverUrl, {});
  const admin = await signInApi(serverUrl, 'demo.admin');
  await adminCall(admin, 'locations.update', { id: location, blockedNumbers: [number] });
  return location;
}

/** Two people of one household, say, or a shared office line: one number, two users. */
export interface SharedNumberPeople {
  number: string;
  names: [string, string];
}

async function waitForImport(admin: ApiSession, importId: string, state: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await adminCall<{ state: string; message: string | null }>(
      admin,
      'imports.status',
      { importId },
    );
    if (job.state === state) return;
    if (job.state === 'failed' || job.state === 'cancelled')
      throw new Error(`the import ${job.state}: ${job.message ?? ''}`);
    if (Date.now() > deadline) throw new Error(`the import never reached ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Imports two users with the same phone number (the CSV import's API, as Administration → Import
 * sends it), so a call from that number has two candidates.
 */
export async function importSharedNumber(
  serverUrl: string,
  number: string,
): Promise<SharedNumberPeople> {
  const admin = await signInApi(serverUrl, 'demo.admin');
  const names: [string, string] = ['Noor Shared-Line', 'Piet Shared-Line'];
  const csv = [
    'employee id,user name,first name,last name,phone',
    `PH-0001,noor.sharedline,Noor,Shared-Line,${number}`,
    `PH-0002,piet.sharedline,Piet,Shared-Line,${number}`,
  ].join('\n');
  const upload = await fetch(
    `${serverUrl.replace(/\/+$/, '')}${ADMIN_PREFIX}/imports?kind=users&fileName=shared-line.csv`,
    {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      body: csv,
    },
  );
  if (upload.status !== 201) throw new Error(`the upload answered ${upload.status}`);
  const { importId } = (await upload.json()) as { importId: string };
  const mapping = Object.fromEntries(IMPORT_FIELDS.users.map((field) => [field, null])) as Record<
    string,
    string | null
  >;
  Object.assign(mapping, {
    externalKey: 'employee id',
    userName: 'user name',
    firstName: 'first name',
    lastName: 'last name',
    phone: 'phone',
  });
  // Checked first, then imported, as Administration → Import runs it.
  await adminCall(admin, 'imports.run', {
    importId,
    mapping,
    dryRun: true,
    deactivateMissing: false,
  });
  await waitForImport(admin, importId, 'checked');
  await adminCall(admin, 'imports.run', {
    importId,
    mapping,
    dryRun: false,
    deactivateMissing: false,
  });
  await waitForImport(admin, importId, 'done');
  return { number, names };
}
