// The desk figures over HTTP, for the dashboard, integrations and spreadsheets:
// `GET /api/v1/reports` (all) and `GET /api/v1/reports/{name}`, filtered by FigureFilter's query
// parameters, as JSON in desk-figures' shapes or `?format=csv`. Managers and admins only; never writes.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { REPORT_ROLES } from '../../shared/commands/permission';
import { FigureFilter, type FigureName } from '../../shared/domain/desk-figures';
import { API_PREFIX } from '../../shared/sync/server-api';
import { ApiError, parseInput } from '../http/api-error';
import { ANY_ROLE, type RouteDeps } from '../http/route-deps';
import { articleResolutionsInSql } from './article-report';
import { figuresCsv } from './report-csv';
import { deskFiguresInSql, figureInSql } from './report-queries';

/** The reports' names in URLs, each a figure of desk-figures.ts. */
export const REPORT_NAMES = {
  volume: 'volume',
  'first-contact-resolution': 'firstContactResolution',
  'handle-time': 'handleTime',
  'walk-up-times': 'walkUpTimes',
  abandonment: 'abandonment',
  callbacks: 'callbacks',
  'open-incidents': 'openIncidents',
  satisfaction: 'satisfaction',
} as const satisfies Record<string, FigureName>;
export type ReportName = keyof typeof REPORT_NAMES;

const isReportName = (name: string): name is ReportName => Object.hasOwn(REPORT_NAMES, name);

/** The resolutions by knowledge article (article-figures.ts): a report beside the desk figures. */
const ARTICLES = 'articles';
const ALL_REPORTS = [...Object.keys(REPORT_NAMES), ARTICLES];

const Format = z.object({
  format: z.enum(['json', 'csv'], 'Give format as json or csv.').default('json'),
});

/** The filter from the query string; the time zone is UTC unless given. */
function reportQuery(query: unknown): { filter: FigureFilter; format: 'json' | 'csv' } {
  const given = (query ?? {}) as Record<string, unknown>;
  const { format } = parseInput(Format, given);
  const { format: _format, ...rest } = given;
  return { filter: parseInput(FigureFilter, { timeZone: 'UTC', ...rest }), format };
}

const READ_BY = 'Only managers and admins may read the desk figures.';

/**
 * Runs the queries, turning PostgreSQL's "time zone not recognized" (22023: its zone data can be
 * older than the runtime's Intl, which FigureFilter checks against) into a 400 on `timeZone`.
 */
export async function inKnownTimeZone<T>(timeZone: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === '22023' && typeof message === 'string' && message.includes('time zone')) {
      const why = `The database does not know the time zone ${timeZone}: give another IANA name.`;
      throw new ApiError(400, 'invalid-input', why, { fieldErrors: { timeZone: why } });
    }
    throw error;
  }
}

export function reportRoutes(app: FastifyInstance, { db, sessions, now }: RouteDeps): void {
  const authorize = async (authorization: string | undefined): Promise<void> => {
    const signedIn = await sessions.authenticate(authorization, ANY_ROLE);
    if (!signedIn.agent.roles.some((role) => (REPORT_ROLES as readonly string[]).includes(role)))
      throw new ApiError(403, 'forbidden', READ_BY);
  };
  const answer = (reply: FastifyReply, format: 'json' | 'csv', figures: Record<string, unknown>) =>
    format === 'csv'
      ? reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(figuresCsv(figures))
      : reply.header('cache-control', 'no-store').send(figures);

  app.get(`${API_PREFIX}/reports`, async (request, reply) => {
    await authorize(request.headers.authorization);
    const { filter, format } = reportQuery(request.query);
    const [figures, articles] = await inKnownTimeZone(filter.timeZone, () =>
      Promise.all([
        deskFiguresInSql(db, filter, now().toISOString()),
        articleResolutionsInSql(db, filter),
      ]),
    );
    if (format === 'json') return answer(reply, format, { ...figures, articles });
    // The CSV names each figure as its URL does.
    const byName = Object.fromEntries(
      Object.entries(REPORT_NAMES).map(([name, figure]) => [name, figures[figure]]),
    );
    return answer(reply, format, { ...byName, [ARTICLES]: articles });
  });

  app.get<{ Params: { name: string } }>(`${API_PREFIX}/reports/:name`, async (request, reply) => {
    await authorize(request.headers.authorization);
    const { name } = request.params;
    if (name === ARTICLES) {
      const { filter, format } = reportQuery(request.query);
      const value = await articleResolutionsInSql(db, filter);
      return format === 'csv'
        ? answer(reply, format, { [name]: value })
        : reply.header('cache-control', 'no-store').send(value);
    }
    if (!isReportName(name))
      throw new ApiError(
        404,
        'not-found',
        `There is no report ${name}. The reports: ${ALL_REPORTS.join(', ')}.`,
      );
    const { filter, format } = reportQuery(request.query);
    const figure = REPORT_NAMES[name];
    // Each query answers its own figure's shape; the union is read as one value here.
    const value = await inKnownTimeZone<unknown>(filter.timeZone, () =>
      figureInSql(db, figure, filter, now().toISOString()),
    );
    return format === 'csv'
      ? answer(reply, format, { [name]: value })
      : reply.header('cache-control', 'no-store').send(value);
  });
}
