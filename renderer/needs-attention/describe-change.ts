// Says in the agent's words what a refused change was, which record it was on, and why.
// Pure; never reads the store host and never shows internal ids.

import { commandModule } from '../../shared/commands/registry';
import type { CommandKind } from '../../shared/commands/command-module';
import type { NeedsAttentionItem } from '../../shared/store-api/contract';

const argsOf = (item: Pick<NeedsAttentionItem, 'args'>): Record<string, unknown> =>
  typeof item.args === 'object' && item.args !== null ? (item.args as Record<string, unknown>) : {};

export const RECORD_KIND_LABELS: Readonly<Record<CommandKind, string>> = {
  interaction: 'Interaction',
  incident: 'Incident',
  request: 'Request',
  visit: 'Visit',
  call: 'Call',
  article: 'Knowledge article',
};

/** The change as the button that made it is named ("Close interaction", "Reopen incident"…). */
export function describeChange(item: Pick<NeedsAttentionItem, 'name' | 'args'>): string {
  return commandModule(item.name).describe(argsOf(item));
}

/**
 * "Incident INC0001002 · Printer down"; a record this desk no longer shows is named by its kind
 * and by the description the change carried.
 */
export function describeTarget(
  item: Pick<NeedsAttentionItem, 'recordKind' | 'recordNumber' | 'shortDescription' | 'args'>,
): string {
  const args = argsOf(item);
  const description =
    item.shortDescription ??
    (typeof args.shortDescription === 'string' ? args.shortDescription : null);
  const kind = RECORD_KIND_LABELS[item.recordKind];
  const number =
    item.recordNumber !== null
      ? `${kind} ${item.recordNumber}`
      : `${item.recordKind === 'request' ? 'A' : 'An'} ${item.recordKind === 'article' ? `article (${String(args.id)})` : item.recordKind} not on this desk`;
  return description ? `${number} · ${description}` : number;
}

/** The server's reason, with each field's message when it named fields. */
export function describeReason(item: Pick<NeedsAttentionItem, 'reason'>): string {
  const fields = Object.values(item.reason.fieldErrors ?? {});
  return [item.reason.message, ...fields].join(' ');
}

/** The words a change carried, as the form labelled them; the agent's data, kept and shown. */
const CARRIED_TEXT: readonly (readonly [key: string, label: string])[] = [
  ['text', 'Work note'],
  ['workNote', 'Work note'],
  ['reason', 'Reason'],
  ['reopenReason', 'Reason'],
  ['resolutionNotes', 'Resolution notes'],
  ['closeNotes', 'Close notes'],
];

/**
 * What the agent wrote in the refused change (a work note, a reopen reason, resolution or close
 * notes), so it can be read, copied or retried; empty when the change carried no such text.
 */
export function describeWords(
  item: Pick<NeedsAttentionItem, 'args'>,
): { label: string; text: string }[] {
  const args = argsOf(item);
  return CARRIED_TEXT.flatMap(([key, label]) => {
    const text = args[key];
    return typeof text === 'string' && text.trim() !== '' ? [{ label, text }] : [];
  });
}
