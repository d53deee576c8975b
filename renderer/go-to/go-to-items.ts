// What the Go to anything box lists: the store host's hits grouped by kind (Recent with no text),
// and the app's commands whose words the text begins. Pure; the box renders it, the app runs it.

import type { RecordKind } from '../../shared/store-api/apply-command';
import type { GoToHit } from '../../shared/store-api/go-to-contract';
import type { HistoryHitView } from '../../shared/store-api/history-contract';
import { wordsOf } from '../../shared/domain/go-to';
import { foldText } from '../../shared/domain/search-text';

/** A command the box offers: a section, New interaction, the shortcuts help. */
export interface GoToCommand {
  id: string;
  label: string;
  /** Its keyboard shortcut, shown beside it ("Alt+N"), if it has one. */
  keys?: string;
  run: () => void;
}

export type GoToItem =
  | { type: 'record'; key: string; group: string; hit: GoToHit }
  | { type: 'history'; key: string; group: string; hit: HistoryHitView }
  | { type: 'command'; key: string; group: string; command: GoToCommand };

export interface GoToGroup {
  label: string;
  /** Each item with its index in the flat list (downshift's). */
  items: { item: GoToItem; index: number }[];
}

export const KIND_GROUPS: Readonly<Record<RecordKind, string>> = {
  interaction: 'Interactions',
  incident: 'Incidents',
  request: 'Requests',
  visit: 'Visits',
  call: 'Calls',
};

export const RECENT_GROUP = 'Recent';
export const HISTORY_GROUP = 'From the server (history)';
export const COMMAND_GROUP = 'Commands';

/** Every typed word begins a word of the label ("call" → Calls, Callbacks due). */
export function commandMatches(command: GoToCommand, query: string): boolean {
  const typed = foldText(query).split(/\s+/).filter(Boolean);
  const words = wordsOf(command.label).concat(foldText(command.label).split(/\s+/));
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

/**
 * The flat list in the order it shows: with no text, Recent then Commands; with text, the groups
 * in the order of their best hit, and the commands first when they match and no number does.
 */
export function arrangeItems(
  query: string,
  hits: readonly GoToHit[],
  commands: readonly GoToCommand[],
): GoToItem[] {
  const empty = query.trim() === '';
  const matching = commands.filter((c) => empty || commandMatches(c, query));
  const records: GoToItem[] = hits.map((hit) => ({
    type: 'record',
    key: `${hit.kind}:${hit.id}`,
    group: empty ? RECENT_GROUP : KIND_GROUPS[hit.kind],
    hit,
  }));
  const order = [...new Set(records.map((r) => r.group))];
  const grouped = order.flatMap((g) => records.filter((r) => r.group === g));
  const commandItems: GoToItem[] = matching.map((command) => ({
    type: 'command',
    key: `command:${command.id}`,
    group: COMMAND_GROUP,
    command,
  }));
  const numberFirst = hits[0]?.match === 'number';
  return empty || numberFirst || commandItems.length === 0
    ? [...grouped, ...commandItems]
    : [...commandItems, ...grouped];
}

/**
 * The server's hits after the desk's own, under their own heading: each record once, so one the
 * desk already listed is not listed again.
 */
export function withHistory(
  items: readonly GoToItem[],
  history: readonly HistoryHitView[],
): GoToItem[] {
  const listed = new Set(items.map((item) => item.key));
  const more: GoToItem[] = history
    .map((hit) => ({
      type: 'history' as const,
      key: `${hit.kind}:${hit.id}`,
      group: HISTORY_GROUP,
      hit,
    }))
    .filter((item) => !listed.has(item.key));
  return [...items, ...more];
}

export function groupItems(items: readonly GoToItem[]): GoToGroup[] {
  const groups: GoToGroup[] = [];
  items.forEach((item, index) => {
    const last = groups[groups.length - 1];
    if (last?.label === item.group) last.items.push({ item, index });
    else groups.push({ label: item.group, items: [{ item, index }] });
  });
  return groups;
}
