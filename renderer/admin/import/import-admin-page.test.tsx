// Administration → Import in the section: reached from its navigation by keyboard, the recent
// imports asked with imports.list, and the file sent through the store host's admin.import.

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../shared/domain/result';
import type { StoreHostApi } from '../../../shared/store-api/contract';
import { expectNoAxeViolations, tabTo } from '../../../web/testing/agent-steps';
import { renderOnDesk } from '../../../web/testing/render-deskpad';
import { AdminSection } from '../admin-section';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { csvFile, peopleUpload } from './import-test-support';
import { storeImportApi } from './store-import-api';

describe('Administration → Import', () => {
  it('is in the section’s navigation and lists the recent imports; axe-clean', async () => {
    const { store, calls } = fakeAdminStore({
      'overview.get': () => ({
        users: { active: 0, deactivated: 0 },
        agents: { active: 1, disabled: 0 },
        groups: 0,
        configurationItems: { active: 0, retired: 0 },
        catalogItems: { draft: 0, published: 0, retired: 0 },
        locations: 0,
        lastChangeAt: null,
      }),
      'imports.list': () => ({ imports: [] }),
    });
    const { user, container } = renderOnDesk(store, <AdminSection />);
    await tabTo(user, screen.getByRole('button', { name: 'Import' }));
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { name: 'Step 1 of 4: Choose the file' }),
    ).toBeDefined();
    expect(await screen.findByText('No imports yet.')).toBeDefined();
    expect(calls.map((c) => c.operation)).toContain('imports.list');
    await expectNoAxeViolations(container);
  });

  it('sends the file through the store host’s admin.import, and the rest as admin calls', async () => {
    const acts: { name: string; input: unknown }[] = [];
    const store = {
      act: (name: string, input: unknown) => {
        acts.push({ name, input });
        return Promise.resolve(ok(peopleUpload()));
      },
    } as unknown as Pick<StoreHostApi, 'act'>;
    const api = storeImportApi(store);
    const file = csvFile();
    await api.upload('users', file, 'people.csv');
    await api.status('imp_0001abcd');
    await waitFor(() => expect(acts).toHaveLength(2));
    expect(acts[0]).toEqual({
      name: 'admin.import',
      input: { kind: 'users', fileName: 'people.csv', file },
    });
    expect(acts[1]).toEqual({
      name: 'admin.call',
      input: { operation: 'imports.status', input: { importId: 'imp_0001abcd' } },
    });
  });
});
