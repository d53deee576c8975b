// The Import page's check (a dry run): its progress bar, the problems by line and column, what
// would change, the deactivation count shown before the opt-in, Import only for a clean file.

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../../web/testing/agent-steps';
import { CheckStep, type CheckStepProps } from './check-step';
import type { ImportProblem } from './import-types';
import { job, scriptedApi } from './import-test-support';

function renderCheck(over: Partial<CheckStepProps> & Pick<CheckStepProps, 'api' | 'started'>) {
  const props: CheckStepProps = {
    pollMs: 5,
    onImport: vi.fn(),
    onChooseAgain: vi.fn(),
    onChangeColumns: vi.fn(),
    importing: false,
    error: null,
    ...over,
  };
  return { props, ...render(<CheckStep {...props} />) };
}

const PROBLEMS: ImportProblem[] = [
  { line: 4, column: 'E-mail', message: 'Not an email address: "ada(at)example".' },
  { line: 7, column: 'Employee ID', message: 'Missing key.' },
  { line: 9, column: null, message: 'Duplicate key E100 (first on line 2).' },
];

describe('Import, step 3: check', () => {
  it('shows the dry run progress with rows per second and time left', async () => {
    const api = scriptedApi();
    api.statuses = [
      job({ rowsDone: 250, rowsPerSecond: 1234.4, secondsLeft: 0.6 }),
      job({ rowsDone: 600, rowsPerSecond: 1500, secondsLeft: 75 }),
    ];
    const { container } = renderCheck({ api, started: job({ rowsDone: 0 }) });
    const bar = screen.getByRole('progressbar', { name: 'Checking progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('25'));
    expect(bar.getAttribute('aria-valuetext')).toBe(
      'Checking 250 of 1,000 rows, 1,234 rows per second, about 1 s left',
    );
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('60'));
    expect(bar.getAttribute('aria-valuetext')).toBe(
      'Checking 600 of 1,000 rows, 1,500 rows per second, about 1 min 15 s left',
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Checking \d+ of 1,000 rows/);
    await expectNoAxeViolations(container);
  });

  it('lists the problems by line and column and offers no Import; axe-clean', async () => {
    const api = scriptedApi();
    api.statuses = [
      job({
        state: 'checked',
        rowsDone: 1000,
        problems: PROBLEMS,
        problemCount: 3,
        counts: { created: 990, updated: 7, unchanged: 0, deactivated: 0 },
      }),
    ];
    const { props, container } = renderCheck({ api, started: job() });
    const table = await screen.findByRole('table', { name: '3 problems' });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Line', 'Column', 'Problem']);
    expect(
      rows.slice(1).map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['4', 'E-mail', 'Not an email address: "ada(at)example".'],
      ['7', 'Employee ID', 'Missing key.'],
      ['9', '—', 'Duplicate key E100 (first on line 2).'],
    ]);
    expect(screen.getByRole('status').textContent).toBe(
      '3 problems in 1,000 rows. Nothing was written.',
    );
    expect(screen.getByText(/^Importing this file would create/).textContent).toBe(
      'Importing this file would create 990 users, update 7 and leave 0 unchanged.',
    );
    expect(screen.getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('checkbox')).toBeNull();
    await expectNoAxeViolations(container);
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Fix the file and choose it again' }));
    expect(props.onChooseAgain).toHaveBeenCalledOnce();
  });

  it('shows the first 500 problems and says how many there are in all', async () => {
    const api = scriptedApi();
    const many = Array.from({ length: 500 }, (_, i) => ({
      line: 2 + i,
      column: 'Tel',
      message: 'Not a phone number.',
    }));
    api.statuses = [job({ state: 'checked', rowsDone: 1000, problems: many, problemCount: 812 })];
    renderCheck({ api, started: job() });
    const caption = await screen.findByText('The first 500 of 812 problems');
    const table = caption.closest('table');
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(500);
    expect(table?.querySelector('tbody tr:last-child')?.textContent).toBe(
      '501TelNot a phone number.',
    );
  });

  it('shows how many users would be deactivated before the opt-in is ticked, and passes the opt-in on', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    api.statuses = [
      job({
        state: 'checked',
        rowsDone: 1000,
        wouldDeactivate: 37,
        counts: { created: 3, updated: 2, unchanged: 995, deactivated: 0 },
      }),
    ];
    const { props, container } = renderCheck({ api, started: job() });
    const optIn = await screen.findByRole('checkbox', {
      name: 'Deactivate users missing from this file',
    });
    expect(optIn).toHaveProperty('checked', false);
    expect(optIn.getAttribute('aria-describedby')).not.toBeNull();
    expect(
      document.getElementById(optIn.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/^37 users would be deactivated\./);
    expect(screen.getByRole('status').textContent).toBe(
      'No problems in 1,000 rows. Nothing has been written yet.',
    );
    await expectNoAxeViolations(container);
    await user.click(optIn);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(props.onImport).toHaveBeenCalledWith(true);
  });

  it('imports without deactivating anyone unless asked', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    api.statuses = [job({ state: 'checked', rowsDone: 10, wouldDeactivate: 2 })];
    const { props } = renderCheck({ api, started: job() });
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    expect(props.onImport).toHaveBeenCalledWith(false);
    // Nothing counted is not "would create 0 users".
    expect(screen.queryByText(/would create/)).toBeNull();
  });

  it('says why a check failed, in words, with nothing written', async () => {
    const api = scriptedApi();
    api.statuses = [job({ state: 'failed', message: 'Line 3 has a quote that is never closed.' })];
    renderCheck({ api, started: job() });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The file could not be checked: Line 3 has a quote that is never closed. Nothing was written.',
    );
  });

  it('stops a check by keyboard, with nothing written', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    api.statuses = [job({ rowsDone: 100 })];
    api.cancelAnswer = job({ state: 'cancelled', rowsDone: 100 });
    renderCheck({ api, started: job() });
    const stop = screen.getByRole('button', { name: 'Stop checking' });
    stop.focus();
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The check was stopped. Nothing was written.',
    );
    expect(api.cancels).toEqual(['imp-1']);
    expect(screen.getByRole('button', { name: 'Choose the file again' })).toBeDefined();
  });
});
