// The Export page: the range checked before the server is asked, then a single-use link from
// export.link that the browser downloads at once (and stays on the page), axe-clean.

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../../web/testing/agent-steps';
import { renderOnDesk } from '../../../web/testing/render-deskpad';
import { fakeAdminStore } from '../testing/fake-admin-store';
import { ExportPage, downloadUrl } from './export-page';

describe('the Export page', () => {
  it('says what is wrong with a range before asking the server', async () => {
    const { store, calls } = fakeAdminStore({});
    const { user, container } = renderOnDesk(store, <ExportPage />, {
      now: () => new Date('2026-12-04T10:00:00Z'),
    });
    expect(screen.getByLabelText<HTMLInputElement>('From').value).toBe('2026-12-01');
    expect(screen.getByLabelText<HTMLInputElement>('To').value).toBe('2026-12-04');
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '2025-01-01');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'An export covers at most 366 days; this range has 703.',
    );
    expect(document.activeElement).toBe(screen.getByLabelText('To'));
    expect(calls).toEqual([]);
    await expectNoAxeViolations(container);
  });

  it('asks for a single-use link and downloads it', async () => {
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const { store, calls } = fakeAdminStore({
      'export.link': () => ({
        path: '/api/v1/export/requests.csv?from=2026-12-01&to=2026-12-04&link=abc',
        fileName: 'requests-2026-12-01-to-2026-12-04.csv',
        expiresAt: '2026-12-04T10:01:00.000Z',
      }),
    });
    const { user } = renderOnDesk(store, <ExportPage />, {
      now: () => new Date('2026-12-04T10:00:00Z'),
    });
    await user.selectOptions(screen.getByLabelText('Records'), 'Requests');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const link = await screen.findByRole('link', {
      name: 'Download requests-2026-12-01-to-2026-12-04.csv',
    });
    expect(link.getAttribute('href')).toBe(
      '/api/v1/export/requests.csv?from=2026-12-01&to=2026-12-04&link=abc',
    );
    expect(link.getAttribute('download')).toBe('requests-2026-12-01-to-2026-12-04.csv');
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([
      {
        operation: 'export.link',
        input: { kind: 'requests', from: '2026-12-01', to: '2026-12-04' },
      },
    ]);
    click.mockRestore();
    expect(downloadUrl({ path: '/api/v1/export/x.csv?link=a' }, 'http://desk.example:8080')).toBe(
      'http://desk.example:8080/api/v1/export/x.csv?link=a',
    );
  });
});
