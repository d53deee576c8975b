// The configuration item tree's state: the children loaded so far for each open item (a page at a
// time), which items are open, and opening the path to a search match. Never renders anything.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ConfigurationItemNode } from '../../../shared/admin/configuration-items';

export type LoadChildren = (
  parentId: string | null,
  after?: { name: string; id: string },
) => Promise<{ items: ConfigurationItemNode[]; more: boolean }>;

interface Level {
  items: ConfigurationItemNode[];
  more: boolean;
  loading: boolean;
  error: string | null;
}

/** The key of a level: its parent's id, or '' for the top of the tree. */
const keyOf = (parentId: string | null): string => parentId ?? '';

export type TreeRow =
  | {
      kind: 'item';
      key: string;
      node: ConfigurationItemNode;
      level: number;
      posinset: number;
      setsize: number;
      expanded: boolean | undefined;
      parentKey: string;
    }
  | {
      kind: 'more' | 'loading' | 'error';
      key: string;
      parentKey: string;
      level: number;
      text: string;
    };

const byNameThenId = (a: ConfigurationItemNode, b: ConfigurationItemNode): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function withNode(
  items: ConfigurationItemNode[],
  node: ConfigurationItemNode,
): ConfigurationItemNode[] {
  const rest = items.filter((i) => i.id !== node.id);
  return [...rest, node].sort(byNameThenId);
}

const problemText = (error: unknown): string =>
  error instanceof Error ? error.message : 'The items could not be loaded.';

export function useItemTree(load: LoadChildren) {
  const [levels, setLevels] = useState<ReadonlyMap<string, Level>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const levelsRef = useRef(levels);
  levelsRef.current = levels;

  const putLevel = useCallback((key: string, change: (old: Level | undefined) => Level) => {
    setLevels((old) => {
      const next = new Map(old);
      next.set(key, change(old.get(key)));
      levelsRef.current = next;
      return next;
    });
  }, []);

  const fetchLevel = useCallback(
    async (parentId: string | null, more: boolean): Promise<void> => {
      const key = keyOf(parentId);
      const old = levelsRef.current.get(key);
      const last = more ? old?.items.at(-1) : undefined;
      putLevel(key, (l) => ({
        items: l?.items ?? [],
        more: l?.more ?? false,
        loading: true,
        error: null,
      }));
      try {
        const page = await load(parentId, last ? { name: last.name, id: last.id } : undefined);
        putLevel(key, (l) => ({
          items: more ? [...(l?.items ?? []), ...page.items] : page.items,
          more: page.more,
          loading: false,
          error: null,
        }));
      } catch (error) {
        putLevel(key, (l) => ({
          items: l?.items ?? [],
          more: l?.more ?? false,
          loading: false,
          error: problemText(error),
        }));
      }
    },
    [load, putLevel],
  );

  const ensureLevel = useCallback(
    async (parentId: string | null): Promise<void> => {
      if (!levelsRef.current.has(keyOf(parentId))) await fetchLevel(parentId, false);
    },
    [fetchLevel],
  );

  const expand = useCallback(
    (id: string) => {
      setExpanded((old) => new Set(old).add(id));
      void ensureLevel(id);
    },
    [ensureLevel],
  );

  const collapse = useCallback((id: string) => {
    setExpanded((old) => {
      const next = new Set(old);
      next.delete(id);
      return next;
    });
  }, []);

  /** Opens every item above `match` (path root first) and places each in its parent's list. */
  const reveal = useCallback(
    async (path: ConfigurationItemNode[], match: ConfigurationItemNode): Promise<void> => {
      const chain = [...path, match];
      for (const node of chain) {
        await ensureLevel(node.parentId);
        putLevel(keyOf(node.parentId), (l) => ({
          items: withNode(l?.items ?? [], node),
          more: l?.more ?? false,
          loading: false,
          error: l?.error ?? null,
        }));
      }
      setExpanded((old) => {
        const next = new Set(old);
        for (const node of path) next.add(node.id);
        return next;
      });
    },
    [ensureLevel, putLevel],
  );

  /** Loads again every level loaded so far (after a change), keeping what is open. */
  const refresh = useCallback(async (): Promise<void> => {
    const keys = [...levelsRef.current.keys()];
    await Promise.all(keys.map((key) => fetchLevel(key === '' ? null : key, false)));
  }, [fetchLevel]);

  // Another loader (retired items shown or not) is another tree: start again from the top.
  useEffect(() => {
    levelsRef.current = new Map();
    setLevels(levelsRef.current);
    setExpanded(new Set());
    void fetchLevel(null, false);
  }, [fetchLevel]);

  const rows = useMemo(() => visibleRows(levels, expanded), [levels, expanded]);

  return {
    rows,
    expand,
    collapse,
    reveal,
    refresh,
    loadMore: (parentKey: string) => fetchLevel(parentKey === '' ? null : parentKey, true),
  };
}

/** The rows a person sees, top to bottom: each open item's children under it. */
export function visibleRows(
  levels: ReadonlyMap<string, Level>,
  expanded: ReadonlySet<string>,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (parentKey: string, level: number, parentCount: number | null): void => {
    const found = levels.get(parentKey);
    if (!found) {
      rows.push({
        kind: 'loading',
        key: `loading:${parentKey}`,
        parentKey,
        level,
        text: 'Loading…',
      });
      return;
    }
    const setsize = found.more ? (parentCount ?? -1) : found.items.length;
    found.items.forEach((node, index) => {
      const open = node.childCount > 0 ? expanded.has(node.id) : undefined;
      rows.push({
        kind: 'item',
        key: node.id,
        node,
        level,
        posinset: index + 1,
        setsize,
        expanded: open,
        parentKey,
      });
      if (open) walk(node.id, level + 1, node.childCount);
    });
    if (found.loading && found.items.length === 0)
      rows.push({
        kind: 'loading',
        key: `loading:${parentKey}`,
        parentKey,
        level,
        text: 'Loading…',
      });
    else if (found.error !== null)
      rows.push({ kind: 'error', key: `error:${parentKey}`, parentKey, level, text: found.error });
    else if (found.more)
      rows.push({
        kind: 'more',
        key: `more:${parentKey}`,
        parentKey,
        level,
        text: 'Show more items',
      });
  };
  walk('', 1, null);
  return rows;
}
