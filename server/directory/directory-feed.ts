// The desks' directory feed: one page of users, groups, configuration items, catalog items,
// published knowledge articles and walk-up locations changed after a version, built as JSON text by the database. Read-only; never returns a password hash.

import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { ROLES } from '../../shared/sync/server-api';
import type { Database } from '../db/schema';
import { toNumber } from '../db/values';

type Db = Kysely<Database> | Transaction<Database>;

export interface DirectoryFeedPage {
  /**
   * JSON arrays as text, oldest change first, already in the wire shapes of `User`, `Group`,
   * `ConfigurationItem`, `CatalogItem` and `WalkUpLocation`: the route splices them into its answer without parsing
   * them again.
   */
  users: string;
  groups: string;
  configurationItems: string;
  catalogItems: string;
  /** Knowledge articles as `KnowledgeFeedEntry`: the published revision, or null once retired. */
  knowledgeArticles: string;
  /** Walk-up locations with their settings and wrap-up codes (never the block list), as `WalkUpLocation`. */
  locations: string;
  /** The greatest version in this page, or `after` when the page is empty. */
  lastVersion: number;
  more: boolean;
}

/**
 * Where a page of `limit` changes after `after` ends. Versions come from one counter, so the
 * limit-th smallest version across the six tables cuts every table at the same place.
 */
async function pageEnd(
  db: Db,
  after: number,
  limit: number,
): Promise<{ more: boolean; last: number | null }> {
  const deep = limit + 1;
  const { rows } = await sql<{ changes: string; last: string | null; cut: string | null }>`
    WITH page AS (
      SELECT version FROM (
        (SELECT version FROM users WHERE version > ${after} ORDER BY version LIMIT ${deep})
        UNION ALL
        (SELECT version FROM groups WHERE version > ${after} ORDER BY version LIMIT ${deep})
        UNION ALL
        (SELECT version FROM configuration_items WHERE version > ${after} ORDER BY version LIMIT ${deep})
        UNION ALL
        (SELECT version FROM catalog_items WHERE version > ${after} ORDER BY version LIMIT ${deep})
        UNION ALL
        (SELECT version FROM knowledge_articles WHERE version > ${after} ORDER BY version LIMIT ${deep})
        UNION ALL
        (SELECT version FROM locations WHERE version > ${after} ORDER BY version LIMIT ${deep})
      ) changed ORDER BY version LIMIT ${deep}
    )
    SELECT count(*)::text AS changes,
      max(version)::text AS last,
      -- Qualified: a bare "version" here would sort the text the subquery outputs.
      (SELECT p.version::text FROM page p ORDER BY p.version OFFSET ${limit - 1} LIMIT 1) AS cut
    FROM page`.execute(db);
  const row = rows[0];
  const changes = toNumber(row?.changes ?? '0');
  if (changes > limit) return { more: true, last: toNumber(row?.cut ?? '0') };
  return { more: false, last: row?.last == null ? null : toNumber(row.last) };
}

const inPage = (
  version: RawBuilder<unknown>,
  after: number,
  upTo: number | null,
): RawBuilder<unknown> =>
  upTo === null ? sql`${version} > ${after}` : sql`${version} > ${after} AND ${version} <= ${upTo}`;

/** The roles of the contract, as a PostgreSQL text[] literal. */
const KNOWN_ROLES = sql`ARRAY[${sql.join(ROLES.map((role) => sql.lit(role)))}]::text[]`;

async function jsonArray(query: RawBuilder<{ json: string }>, db: Db): Promise<string> {
  const { rows } = await query.execute(db);
  return rows[0]?.json ?? '[]';
}

/**
 * The page after `after`: at most `limit` rows in all, oldest change first. Each row becomes JSON
 * inside the database, because decoding thousands of rows field by field in JavaScript (PGlite
 * above all) costs ten times what the query does.
 */
export async function directoryFeedPage(
  db: Db,
  after: number,
  limit: number,
): Promise<DirectoryFeedPage> {
  const end = await pageEnd(db, after, limit);
  if (end.last === null)
    return {
      users: '[]',
      groups: '[]',
      configurationItems: '[]',
      catalogItems: '[]',
      knowledgeArticles: '[]',
      locations: '[]',
      lastVersion: after,
      more: false,
    };
  const upTo = end.more ? end.last : null;
  // Each row's fields are renamed in a LATERAL subquery, so json_agg writes compact objects in
  // the wire shape; ORDER BY inside the aggregate keeps the change order.
  const users = await jsonArray(
    sql<{ json: string }>`
      SELECT coalesce(json_agg(wire ORDER BY u.version), '[]')::text AS json
      FROM users u CROSS JOIN LATERAL (
        SELECT u.id, u.user_name AS "userName", u.first_name AS "firstName",
          u.last_name AS "lastName", u.name, u.email, u.phone, u.employee_id AS "employeeId",
          u.department, u.location, u.vip, u.active, u.mobile,
          u.phone_e164 AS "phoneE164", u.mobile_e164 AS "mobileE164",
          -- Roles the contract does not know are left out, as toUser does elsewhere.
          CASE WHEN u.roles <@ ${KNOWN_ROLES} THEN u.roles
            ELSE array(SELECT role FROM unnest(u.roles) AS role WHERE role = ANY (${KNOWN_ROLES}))
          END AS roles
      ) wire
      WHERE ${inPage(sql`u.version`, after, upTo)}`,
    db,
  );
  const groups = await jsonArray(
    sql<{ json: string }>`
      SELECT coalesce(json_agg(wire ORDER BY g.version), '[]')::text AS json
      FROM groups g CROSS JOIN LATERAL (
        SELECT g.id, g.name, g.description,
          coalesce((SELECT json_agg(m.user_id ORDER BY m.user_id)
                    FROM group_members m WHERE m.group_id = g.id), '[]') AS "memberIds"
      ) wire
      WHERE ${inPage(sql`g.version`, after, upTo)}`,
    db,
  );
  const configurationItems = await jsonArray(
    sql<{ json: string }>`
      SELECT coalesce(json_agg(wire ORDER BY c.version), '[]')::text AS json
      FROM configuration_items c CROSS JOIN LATERAL (
        SELECT c.id, c.name, c.class_name AS "className", c.parent_id AS "parentId", c.location,
          c.active
      ) wire
      WHERE ${inPage(sql`c.version`, after, upTo)}`,
    db,
  );
  // Stored whole in the wire shape (the seed or an import checked it), so no renaming. Drafts
  // are Administration's own until published: desks never receive them.
  const catalogItems = await jsonArray(
    sql<{ json: string }>`
      SELECT coalesce(json_agg(k.record ORDER BY k.version), '[]')::text AS json
      FROM catalog_items k
      WHERE ${inPage(sql`k.version`, after, upTo)} AND k.state <> 'draft'`,
    db,
  );
  // Only Publish and Retire give an article a version: a draft never reaches a desk, and a
  // retired article arrives as null so the desk forgets it.
  const knowledgeArticles = await jsonArray(
    sql<{ json: string }>`
      SELECT coalesce(json_agg(json_build_object('id', a.id, 'article', a.published)
        ORDER BY a.version), '[]')::text AS json
      FROM knowledge_articles a
      WHERE ${inPage(sql`a.version`, after, upTo)}`,
    db,
  );
  // An inactive location is sent too (active: false): a desk's cached queue may still name it.
  const locations = await jsonArray(
    sql<{ json: string }>`
      SELECT coalesce(json_agg(wire ORDER BY l.version), '[]')::text AS json
      FROM locations l CROSS JOIN LATERAL (
        SELECT l.id, l.name, l.description, l.active, l.reasons, l.vip_first AS "vipFirst",
          l.grace_minutes AS "graceMinutes", l.lobby_names AS "lobbyNames",
          l.wait_target_minutes AS "waitTargetMinutes", l.wrap_up_codes AS "wrapUpCodes"
      ) wire
      WHERE ${inPage(sql`l.version`, after, upTo)}`,
    db,
  );
  return {
    users,
    groups,
    configurationItems,
    catalogItems,
    knowledgeArticles,
    locations,
    lastVersion: end.last,
    more: end.more,
  };
}
