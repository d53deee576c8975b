// The Import page's first two steps as an administrator takes them: kind and file (input or drop),
// an offline upload that loses nothing, the guessed columns, the preview, a required field missing.

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail } from '../../../shared/domain/result';
import { expectNoAxeViolations } from '../../../web/testing/agent-steps';
import { ImportPage } from './import-page';
import { csvFile, job, scriptedApi } from './import-test-support';

const columnOf = (fieldLabel: RegExp): HTMLSelectElement =>
  screen.getByRole('combobox', { name: fieldLabel });

async function toMapping(user: ReturnType<typeof userEvent.setup>, api = scriptedApi()) {
  const { container } = render(<ImportPage api={api} pollMs={5} />);
  await user.upload(screen.getByLabelText('File'), csvFile());
  await user.click(screen.getByRole('button', { name: 'Send the file and map its columns' }));
  await screen.findByRole('heading', { name: 'Step 2 of 4: Map the columns' });
  return { api, container };
}

describe('Import, step 1: choose', () => {
  it('sends the chosen file with its kind, by keyboard; axe-clean', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    const { container } = render(<ImportPage api={api} pollMs={5} />);
    expect(screen.getByRole('heading', { name: 'Step 1 of 4: Choose the file' })).toBeDefined();
    const send = screen.getByRole('button', { name: 'Send the file and map its columns' });
    expect(send).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('radio', { name: 'Groups with memberships' }));
    await user.upload(screen.getByLabelText('File'), csvFile('teams.csv'));
    expect(screen.getByText(/Chosen:/).textContent).toContain('teams.csv');
    await expectNoAxeViolations(container);
    send.focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(api.uploads).toEqual([
        { kind: 'groups', fileName: 'teams.csv', size: csvFile('teams.csv').size },
      ]),
    );
    const heading = await screen.findByRole('heading', { name: 'Step 2 of 4: Map the columns' });
    expect(document.activeElement).toBe(heading);
  });

  it('says so in plain words when offline, and keeps the kind and the file to send again', async () => {
    const user = userEvent.setup();
    const api = scriptedApi();
    api.uploadAnswer = fail(
      'not-ready',
      'The desk server cannot be reached, so the file was not sent. Try again when it is back.',
    );
    render(<ImportPage api={api} pollMs={5} />);
    await user.click(screen.getByRole('radio', { name: 'Configuration items with their parents' }));
    await user.upload(screen.getByLabelText('File'), csvFile('cmdb.csv'));
    await user.click(screen.getByRole('button', { name: 'Send the file and map its columns' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The desk server cannot be reached, so the file was not sent. Try again when it is back.',
    );
    expect(
      screen.getByRole('radio', { name: 'Configuration items with their parents' }),
    ).toHaveProperty('checked', true);
    expect(screen.getByText(/Chosen:/).textContent).toContain('cmdb.csv');
    await user.click(screen.getByRole('button', { name: 'Send the file and map its columns' }));
    expect(api.uploads.map((u) => u.fileName)).toEqual(['cmdb.csv', 'cmdb.csv']);
  });

  it('takes a file dropped onto the page', () => {
    const api = scriptedApi();
    render(<ImportPage api={api} pollMs={5} />);
    const dropped = csvFile('dropped.csv');
    const over = fireEvent.dragOver(document.body, {
      dataTransfer: { files: [], types: ['Files'] },
    });
    expect(over).toBe(false);
    fireEvent.drop(screen.getByRole('heading', { name: 'Recent imports' }), {
      dataTransfer: { files: [dropped], types: ['Files'] },
    });
    expect(screen.getByText(/Chosen:/).textContent).toContain('dropped.csv');
    expect(
      screen.getByRole('button', { name: 'Send the file and map its columns' }),
    ).toHaveProperty('disabled', false);
  });
});

describe('Import, step 2: map the columns', () => {
  it('shows the guessed columns, the required fields, delimiter and BOM, and the preview; axe-clean', async () => {
    const user = userEvent.setup();
    const { container } = await toMapping(user);
    expect(columnOf(/^External key/).value).toBe('Employee ID');
    expect(columnOf(/^User name/).value).toBe('Login');
    expect(columnOf(/^Phone/).value).toBe('Tel');
    expect(columnOf(/^Mobile/).value).toBe('');
    expect(columnOf(/^External key/).required).toBe(true);
    expect(columnOf(/^User name \(required\)$/).required).toBe(true);
    expect(columnOf(/^First name$/).required).toBe(false);
    expect(screen.getByText(/separated by semicolon/).textContent).toContain(
      'with a byte order mark (BOM)',
    );
    const preview = screen.getByRole('table', { name: /The first 2 rows as they will be read/ });
    const headers = within(preview)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'External key (employee id)',
      'User name',
      'First name',
      'Last name',
      'Email',
      'Phone',
    ]);
    const firstRow = within(preview).getAllByRole('row')[1];
    expect(
      within(firstRow!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['E100', 'ada', 'Ada', 'Lovelace', 'ada@example.org', '+44 20 7946 0001']);
    await expectNoAxeViolations(container);
  });

  it('reads the preview again as the mapping changes', async () => {
    const user = userEvent.setup();
    await toMapping(user);
    await user.selectOptions(columnOf(/^Mobile/), 'Tel');
    await user.selectOptions(columnOf(/^Phone/), 'Not imported');
    const preview = screen.getByRole('table', { name: /as they will be read/ });
    const headers = within(preview)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toContain('Mobile');
    expect(headers).not.toContain('Phone');
  });

  it('will not check while a required field has no column, and says which', async () => {
    const user = userEvent.setup();
    const { api } = await toMapping(user);
    await user.selectOptions(columnOf(/^User name/), 'Not imported');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Choose a column for User name before checking the file.',
    );
    expect(columnOf(/^User name/).getAttribute('aria-invalid')).toBe('true');
    expect(api.runs).toEqual([]);
    await user.selectOptions(columnOf(/^User name/), 'Login');
    api.statuses = [job({ state: 'checked', rowsDone: 2, rowsTotal: 2 })];
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(api.runs).toHaveLength(1));
    expect(api.runs[0]).toMatchObject({
      importId: 'imp-1',
      dryRun: true,
      deactivateMissing: false,
    });
    expect(api.runs[0]?.mapping).toMatchObject({ externalKey: 'Employee ID', userName: 'Login' });
    // The recent imports are asked again once the check has settled.
    await screen.findByText(/^No problems in 2 rows/);
    await waitFor(() => expect(api.lists).toBe(2));
  });
});

describe('Recent imports', () => {
  it('lists the recent imports with their state', async () => {
    const api = scriptedApi();
    api.listAnswer = [
      job({
        importId: 'a',
        fileName: 'hr-export.csv',
        state: 'done',
        dryRun: false,
        rowsDone: 1200,
      }),
      job({
        importId: 'b',
        fileName: 'cmdb.csv',
        kind: 'configuration-items',
        state: 'failed',
        problemCount: 3,
      }),
    ];
    render(<ImportPage api={api} pollMs={5} />);
    const recent = screen.getByRole('region', { name: 'Recent imports' });
    const rows = await within(recent).findAllByRole('row');
    expect(
      rows.slice(1).map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 5)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['hr-export.csv', 'Users', 'Imported', '1,200', '0'],
      ['cmdb.csv', 'Configuration items with their parents', 'Failed', '0', '3'],
    ]);
  });
});
