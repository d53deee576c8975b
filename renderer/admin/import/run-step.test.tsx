// The Import page's import: progress with rows per second and time left, Cancel (nothing of the
// batch written, the rows before it kept), the summary when done, the way to the Audit log.

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../../web/testing/agent-steps';
import { RunStep } from './run-step';
import { job, scriptedApi } from './import-test-support';

const importing = (over: Parameters<typeof job>[0] = {}) =>
  job({ dryRun: false, state: 'importing', rowsTotal: 100_000, ...over });

describe('Import, step 4: import', () => {
  it('shows the progress, then the summary and the Audit log; axe-clean', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    api.statuses = [
      importing({ rowsDone: 40_000, rowsPerSecond: 20_000, secondsLeft: 3 }),
      importing({
        state: 'done',
        rowsDone: 100_000,
        finishedAt: '2026-12-04T01:00:05.000Z',
        counts: { created: 99_000, updated: 900, unchanged: 100, deactivated: 12 },
      }),
    ];
    const onAuditLog = vi.fn();
    const onSettled = vi.fn();
    const { container } = render(
      <RunStep
        api={api}
        started={importing()}
        pollMs={5}
        onAnother={vi.fn()}
        onAuditLog={onAuditLog}
        onSettled={onSettled}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Importing progress' });
    await expectNoAxeViolations(container);
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'));
    expect(bar.getAttribute('aria-valuetext')).toBe(
      'Importing 40,000 of 100,000 rows, 20,000 rows per second, about 3 s left',
    );
    expect(await screen.findByText('Imported people.csv.')).toBeDefined();
    const summary = [...container.querySelectorAll('.import-summary > div')].map(
      (d) => d.textContent,
    );
    expect(summary).toEqual(['Created99,000', 'Updated900', 'Unchanged100', 'Deactivated12']);
    expect(onSettled).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'See the changes in the Audit log' }));
    expect(onAuditLog).toHaveBeenCalledOnce();
  });

  it('cancels: nothing of the current batch written, the rows before it counted', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    api.statuses = [importing({ rowsDone: 30_000, rowsPerSecond: 15_000, secondsLeft: 5 })];
    api.cancelAnswer = importing({
      state: 'cancelled',
      rowsDone: 30_000,
      counts: { created: 30_000, updated: 0, unchanged: 0, deactivated: 0 },
    });
    render(<RunStep api={api} started={importing()} pollMs={5} onAnother={vi.fn()} />);
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    cancel.focus();
    await user.keyboard('{Enter}');
    expect(api.cancels).toEqual(['imp-1']);
    expect(
      await screen.findByText(
        'Cancelled: nothing of the current batch was written; 30,000 rows imported before it.',
      ),
    ).toHaveProperty('role', 'status');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says so when Cancel is refused, and keeps following the import', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    api.statuses = [importing({ rowsDone: 10 })];
    render(<RunStep api={api} started={importing()} pollMs={5} onAnother={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Cancel did not work: Nothing to cancel.',
    );
    expect(screen.getByRole('progressbar')).toBeDefined();
  });
});
