// Single-use download links for a CSV export: the Export page cannot hand a browser download the
// session's token, so it asks for a link bound to its agent, kind and range, good once within a
// minute. Only the code's hash is kept; a link never carries or reveals a token.

import type { Kysely } from 'kysely';
import type { ExportKind, ExportLink, ExportLinkInput } from '../../shared/admin/export';
import { API_PREFIX } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { hashToken, newToken } from '../auth/tokens';
import { exportFileName } from './export-csv';

export const EXPORT_LINK_TTL_MS = 60_000;
/** Unspent, unexpired links one agent may have at once. */
export const MAX_WAITING_LINKS = 5;

const SPENT =
  'This download link is spent, unknown or expired (a link works once, within a minute). Export again.';

export async function createExportLink(
  db: Kysely<Database>,
  now: Date,
  userId: string,
  input: ExportLinkInput,
): Promise<ExportLink> {
  const code = newToken();
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_TTL_MS);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('export_links').where('expires_at', '<=', now).execute();
    const waiting = await trx
      .selectFrom('export_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    if (Number(waiting.n) >= MAX_WAITING_LINKS)
      throw new ApiError(
        429,
        'too-many-requests',
        `${MAX_WAITING_LINKS} download links are waiting to be used. Wait a minute and export again.`,
        { retryAfter: Math.ceil(EXPORT_LINK_TTL_MS / 1000) },
      );
    await trx
      .insertInto('export_links')
      .values({
        code_hash: hashToken(code),
        user_id: userId,
        kind: input.kind,
        from_date: input.from,
        to_date: input.to,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
  });
  const query = new URLSearchParams({ from: input.from, to: input.to, link: code });
  return {
    path: `${API_PREFIX}/export/${input.kind}.csv?${query.toString()}`,
    fileName: exportFileName(input.kind, input),
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Spends a link for exactly the export it was made for; answers whose it was. One statement takes
 * it, so two downloads of the same link, on any instances, cannot both start.
 */
export async function spendExportLink(
  db: Kysely<Database>,
  now: Date,
  code: string,
  wanted: { kind: ExportKind; from: string; to: string },
): Promise<string> {
  const taken = await db
    .deleteFrom('export_links')
    .where('code_hash', '=', hashToken(code))
    .returning(['user_id', 'kind', 'from_date', 'to_date', 'expires_at'])
    .executeTakeFirst();
  if (
    !taken ||
    new Date(taken.expires_at).getTime() <= now.getTime() ||
    taken.kind !== wanted.kind ||
    taken.from_date !== wanted.from ||
    taken.to_date !== wanted.to
  )
    throw new ApiError(401, 'unauthorized', SPENT);
  return taken.user_id;
}
