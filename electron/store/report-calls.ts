// Fetches the manager's figures from the desk server as the signed-in agent (GET /api/v1/reports):
// checks the filter first and the answer's shape after. The desk's own figures (My day) need no
// server; these span every desk, so they are online only. Never stores anything on the desk.

import type { DashboardFigures } from '../../shared/domain/article-figures';
import type { DeskFigures, FigureFilter } from '../../shared/domain/desk-figures';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import { serverCallFailure, type AdminCallDeps } from './admin-calls';

const OFFLINE =
  'The dashboard reads every desk’s figures from the desk server, and it cannot be reached now. My day on the Interactions page works offline.';

/** The figures a report answer must carry, each an object. */
const FIGURES: readonly (keyof DeskFigures)[] = [
  'volume',
  'firstContactResolution',
  'handleTime',
  'walkUpTimes',
  'abandonment',
  'callbacks',
  'openIncidents',
  'satisfaction',
];

/** The filter as the reports route reads it: absent filters are left out. */
export function reportQuery(filter: FigureFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (typeof value === 'string' && value !== '') query.set(key, value);
  return query;
}

const isFigures = (answer: unknown): answer is DeskFigures =>
  typeof answer === 'object' &&
  answer !== null &&
  FIGURES.every((name) => {
    const figure = (answer as Record<string, unknown>)[name];
    return typeof figure === 'object' && figure !== null;
  });

export async function fetchReports(
  sync: AdminCallDeps | null,
  filter: FigureFilter,
): Promise<StoreResult<DashboardFigures>> {
  if (!sync)
    return fail('not-ready', 'This desk has no desk server: the dashboard is on the desk server.');
  const token = sync.sessionToken();
  if (!token) return fail('not-ready', 'Sign in to the desk server to see the dashboard.');
  let answer: unknown;
  try {
    answer = await sync.client.reports(token, reportQuery(filter));
  } catch (error) {
    return serverCallFailure(sync, token, error, OFFLINE);
  }
  return isFigures(answer)
    ? ok(answer)
    : fail('internal', 'The desk server’s figures were not understood: is it an older version?');
}
