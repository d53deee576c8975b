// The manager's figures through the store host: the filter sent as the reports route reads it, the
// answer's shape checked, and the desk server's refusals and absence said in words.

import { describe, expect, it } from 'vitest';
import { deskFigures, type FigureFilter } from '../../shared/domain/desk-figures';
import type { AdminCallDeps } from './admin-calls';
import { fetchReports, reportQuery } from './report-calls';
import { DeskServerError, type DeskServerClient } from './sync/desk-server-client';

const FILTER: FigureFilter = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  timeZone: 'Europe/London',
  channel: 'Phone',
};
const FIGURES = deskFigures(
  { interactions: [], visits: [], calls: [], incidents: [] },
  FILTER,
  Date.parse('2026-12-01T00:00:00.000Z'),
);

function deps(answer: () => Promise<unknown>, token: string | null = 'tok-1') {
  const sent: { token: string; query: string }[] = [];
  const refused: string[] = [];
  const d: AdminCallDeps = {
    client: {
      reports: (t: string, query: URLSearchParams) => {
        sent.push({ token: t, query: query.toString() });
        return answer();
      },
    } as Pick<DeskServerClient, 'reports'> as DeskServerClient,
    sessionToken: () => token,
    sessionRefused: (t) => refused.push(t),
  };
  return { d, sent, refused };
}

describe('the manager’s figures through the store host', () => {
  it('sends the filter with the session token and answers the figures', async () => {
    const { d, sent } = deps(() => Promise.resolve(FIGURES));
    expect(await fetchReports(d, FILTER)).toEqual({ ok: true, value: FIGURES });
    expect(sent).toEqual([
      {
        token: 'tok-1',
        query:
          'from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&timeZone=Europe%2FLondon&channel=Phone',
      },
    ]);
  });

  it('leaves absent filters out of the query', () => {
    expect([...reportQuery({ ...FILTER, channel: undefined }).keys()]).toEqual([
      'from',
      'to',
      'timeZone',
    ]);
  });

  it('says offline, refused and a session that ended in words', async () => {
    const offline = await fetchReports(
      deps(() => Promise.reject(new DeskServerError('network', 'fetch failed'))).d,
      FILTER,
    );
    expect(offline).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    if (!offline.ok) expect(offline.error.message).toContain('My day');

    const refused = await fetchReports(
      deps(() =>
        Promise.reject(
          new DeskServerError('http', 'Only managers and administrators see the reports.', {
            status: 403,
          }),
        ),
      ).d,
      FILTER,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'not-permitted',
        message: 'Only managers and administrators see the reports.',
      },
    });

    const ended = deps(() =>
      Promise.reject(new DeskServerError('http', 'no session', { status: 401 })),
    );
    expect(await fetchReports(ended.d, FILTER)).toMatchObject({ ok: false });
    expect(ended.refused).toEqual(['tok-1']);
  });

  it('refuses an answer that is not the figures, and asks to sign in without a session', async () => {
    expect(await fetchReports(deps(() => Promise.resolve({ volume: {} })).d, FILTER)).toMatchObject(
      { ok: false, error: { code: 'internal' } },
    );
    expect(await fetchReports(deps(() => Promise.resolve(FIGURES), null).d, FILTER)).toMatchObject({
      ok: false,
      error: { code: 'not-ready' },
    });
  });
});
