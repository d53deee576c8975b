// The manager's dashboard on the real store host, its figures answered as the desk server would
// (deskFigures over hand-built records): headline figures, charts drawn with their ARIA label, a
// chart's table one keypress away, the CSV of that table, a filter sent on, a failure said in words,
// and no axe violations.

import type { ArticleResolutions } from '../../shared/domain/article-figures';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskFigures, type DeskRecords, type FigureFilter } from '../../shared/domain/desk-figures';
import { fail, ok } from '../../shared/domain/result';
import { at, call, closed, link, rated, T0, visit } from '../../shared/domain/testing/desk-records';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { expectNoAxeViolations, tabTo } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderOnDesk } from '../../web/testing/render-deskpad';
import { drawChart, tableCsv } from './chart-figure';
import { chartTables } from './dashboard-data';
import { DashboardSection } from './dashboard-section';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
});

/** Two phone interactions at 09:00 and 09:20 UTC, one escalated; a walk-in; a missed call; visits. */
const RECORDS: DeskRecords = {
  interactions: [
    closed('a', 0, 240),
    closed('b', 20, 480, { relatedRecords: [link('incident', 'inc-1', 'created')] }),
    closed('c', 40, 600, { type: 'Walk-in' }),
  ],
  calls: [
    call('answered'),
    call('missed', { state: 'Missed', answeredAt: null, answeredBy: null }),
  ],
  visits: [
    visit('served', {
      state: 'Done',
      startedAt: at(6),
      calledAt: at(5),
      endedAt: at(20),
      survey: { rating: 5, comment: '', at: at(21) },
    }),
    rated('happy', 4),
  ],
  incidents: [],
};

/** The test store, with reports.fetch answered from RECORDS as the desk server computes them. */
function withReports(
  sent: FigureFilter[],
  answer: 'figures' | 'offline' = 'figures',
  articles?: ArticleResolutions,
): StoreHostApi {
  return {
    command: (name, input) => store.command(name, input),
    query: (name, input) => store.query(name, input),
    subscribe: (name, input, listener) => store.subscribe(name, input, listener),
    onEvent: (listener) => store.onEvent(listener),
    act: (async (name: string, input: unknown) => {
      if (name !== 'reports.fetch') return store.act(name as never, input as never);
      const filter = input as FigureFilter;
      sent.push(filter);
      return answer === 'figures'
        ? ok({ ...deskFigures(RECORDS, filter, T0), ...(articles ? { articles } : {}) })
        : fail('not-ready', 'The dashboard reads every desk’s figures from the desk server.');
    }) as StoreHostApi['act'],
  };
}

describe('the Dashboard', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows the headline figures and charts, a table one keypress away, and is axe-clean', async () => {
    const sent: FigureFilter[] = [];
    // The dashboard opens on today: the records' day.
    const { user } = renderOnDesk(
      withReports(sent),
      <DashboardSection now={() => new Date(T0)} />,
      {
        now: () => new Date(T0),
      },
    );
    const dashboard = await screen.findByRole('region', { name: 'Dashboard' });
    const headline = (label: string) => {
      const list = dashboard.querySelector<HTMLElement>('.dashboard__headlines');
      if (!list) return '';
      return (
        within(list).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? ''
      );
    };
    await waitFor(() => expect(headline('Contacts')).toBe('3interactions opened'));
    // 3 closed complete, 1 escalated: 2 of 3.
    expect(headline('First-contact resolution')).toContain('67 %');
    expect(headline('First-contact resolution')).toContain('2 of 3 closed complete');
    expect(headline('Satisfaction')).toContain('4.5 / 5');
    expect(sent[0]).toMatchObject({ timeZone: expect.any(String) as unknown });

    const byChannel = screen.getByRole('figure', { name: 'Contacts by channel' });
    await waitFor(() => expect(byChannel.querySelector('svg[role="img"]')).not.toBeNull());
    const svg = byChannel.querySelector('svg');
    expect(svg?.getAttribute('aria-label')).toBe('Contacts by channel');
    expect(svg?.getAttribute('aria-description')).toContain('busiest is Phone with 2');

    // T in the chart shows its table; the table's numbers are the chart's.
    const show = within(byChannel).getByRole('button', { name: /Show table/ });
    await tabTo(user, show);
    await user.keyboard('t');
    const table = within(byChannel).getByRole('table', { name: 'Contacts by channel' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'ChannelCount',
      'Chat0',
      'Email0',
      'Phone2',
      'Walk-in1',
      'Self-service0',
    ]);
    expect(within(byChannel).getByRole('button', { name: /Hide table/ })).toBeTruthy();
    await expectNoAxeViolations(dashboard);
  });

  it('shows the resolutions by article as a chart with its table, axe-clean', async () => {
    const articles: ArticleResolutions = {
      closed: 4,
      articles: [
        {
          id: 'kb-printer',
          title: 'Printer shows offline',
          revisions: [1, 2],
          resolutions: 2,
          share: 0.5,
          helpful: 3,
          notHelpful: 1,
        },
        {
          id: 'kb-jam',
          title: 'Paper jam',
          revisions: [1],
          resolutions: 1,
          share: 0.25,
          helpful: 0,
          notHelpful: 0,
        },
      ],
    };
    const { user } = renderOnDesk(
      withReports([], 'figures', articles),
      <DashboardSection now={() => new Date(T0)} />,
    );
    const dashboard = await screen.findByRole('region', { name: 'Dashboard' });
    const figure = await screen.findByRole('figure', { name: 'Resolutions by article' });
    await waitFor(() => expect(figure.querySelector('svg[role="img"]')).not.toBeNull());
    expect(figure.querySelector('svg')?.getAttribute('aria-description')).toContain(
      'The most used is Printer shows offline with 2.',
    );
    await tabTo(user, within(figure).getByRole('button', { name: /Show table/ }));
    await user.keyboard('t');
    const table = within(figure).getByRole('table', { name: 'Resolutions by article' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual([
      ['Article', 'Resolutions', 'Share of closed (%)', 'Helpful', 'Not helpful'],
      ['Printer shows offline (revision 1, 2)', '2', '50', '3', '1'],
      ['Paper jam (revision 1)', '1', '25', '0', '0'],
    ]);
    await expectNoAxeViolations(dashboard);
  });

  it('sends a filter on and fetches again', async () => {
    const sent: FigureFilter[] = [];
    const { user } = renderOnDesk(withReports(sent), <DashboardSection now={() => new Date(T0)} />);
    await waitFor(() => expect(sent).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Channel'), 'Phone');
    await waitFor(() => expect(sent.at(-1)).toMatchObject({ channel: 'Phone' }));
    await user.selectOptions(screen.getByLabelText('Period'), 'last-7-days');
    await waitFor(() => expect(sent.at(-1)?.from).not.toBe(sent[0]?.from));
    const days =
      (Date.parse(sent.at(-1)?.to ?? '') - Date.parse(sent.at(-1)?.from ?? '')) / 86_400_000;
    expect(Math.round(days)).toBe(7);
  });

  it('says why when the figures cannot be had', async () => {
    renderOnDesk(withReports([], 'offline'), <DashboardSection now={() => new Date(T0)} />);
    expect((await screen.findByRole('alert')).textContent).toContain('desk server');
  });

  it('writes a chart’s table as CSV, as shown', () => {
    const figures = deskFigures(RECORDS, { from: at(-600), to: at(600), timeZone: 'UTC' }, T0);
    const handle = chartTables(figures, 10).find((t) => t.id === 'walk-up');
    expect(handle?.target).toEqual({ value: 10, label: 'Wait target 10 min' });
    const csv = tableCsv(
      chartTables(figures, null).find((t) => t.id === 'by-weekday') ??
        chartTables(figures, null)[0]!,
    );
    expect(csv.split('\n').slice(0, 3)).toEqual(['Weekday,Count', 'Mon,3', 'Tue,0']);
  });

  it('draws every chart without <style> elements, which the desk’s CSP would refuse', () => {
    const figures = deskFigures(RECORDS, { from: at(-600), to: at(600), timeZone: 'UTC' }, T0);
    for (const table of chartTables(figures, 10)) {
      const chart = drawChart(table);
      expect(chart.querySelectorAll('style')).toHaveLength(0);
      expect(chart.querySelector('svg[role="img"]') ?? chart).toBeTruthy();
    }
  });
});
