// Test fixtures for the sync tests of incidents and requests: a catalog item and escalation args.
// Used by tests only; the server never imports it.

import type { CatalogItem } from '../../shared/domain/catalog';
import type { CreateIncidentFromInteractionArgs } from '../../shared/domain/escalation';
import type { ServerDatabase } from '../db/open-database';
import { upsertCatalogItems } from '../directory/directory-store';
import { createArgs } from '../testing/fixtures';
import { lockVersion, saveVersion } from './versions';

export const LAPTOP: CatalogItem = {
  id: 'cat-test-laptop',
  name: 'Standard laptop',
  category: 'Hardware',
  description: 'A replacement or new laptop.',
  keywords: ['laptop'],
  fields: [
    {
      name: 'model',
      label: 'Model',
      required: true,
      type: 'choice',
      options: [
        { value: 'ultra', label: 'Ultrabook 14' },
        { value: 'pro', label: 'Workstation 16' },
      ],
    },
    { name: 'reason', label: 'Business reason', required: true, type: 'text', maxLength: 200 },
    { name: 'approver', label: 'Approving manager', required: false, type: 'user-reference' },
  ],
  fulfillmentGroup: 'grp-desk',
  active: true,
};

/** Catalog items the test needs, written as the directory import writes them. */
export async function seedCatalog(
  database: Pick<ServerDatabase, 'db'>,
  items: readonly CatalogItem[] = [LAPTOP],
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const version = await lockVersion(trx);
    await saveVersion(trx, await upsertCatalogItems(trx, items, version));
  });
}

export const incidentArgs = (
  id: string,
  interactionId: string,
  over: Partial<CreateIncidentFromInteractionArgs> = {},
): CreateIncidentFromInteractionArgs => ({
  id,
  interactionId,
  caller: 'caller-1',
  shortDescription: `Printer down ${id}`,
  description: '',
  component: 'ci-prn',
  category: 'Hardware',
  impact: 2,
  urgency: 2,
  assignmentGroup: 'grp-net',
  assignedTo: null,
  ...over,
});

/** An interaction the agent took (Assign to me), so it can be escalated. */
export const takenInteraction = (id: string) => createArgs(id, { assignedTo: 'agent-1' });
