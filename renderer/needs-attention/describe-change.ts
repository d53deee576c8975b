// Says in the agent's words what a refused change was and why the server refused it.
// Pure; never reads the store host and never shows internal ids.

import type { NeedsAttentionItem } from '../../shared/store-api/contract';

const argsOf = (item: Pick<NeedsAttentionItem, 'args'>): Record<string, unknown> =>
  typeof item.args === 'object' && item.args !== null ? (item.args as Record<string, unknown>) : {};

/** The change as the button that made it is named ("Close interaction", "Add work note"…). */
export function describeChange(item: Pick<NeedsAttentionItem, 'name' | 'args'>): string {
  switch (item.name) {
    case 'interaction.create':
      return 'Create interaction';
    case 'interaction.update':
      return 'Save changes';
    case 'interaction.addWorkNote':
      return 'Add work note';
    case 'interaction.close':
      return argsOf(item).state === 'Closed Abandoned'
        ? 'Abandon interaction'
        : 'Close interaction';
  }
}

/** "IMS0001002 · Printer jam"; a record this desk no longer shows is named by its description. */
export function describeTarget(
  item: Pick<NeedsAttentionItem, 'interactionNumber' | 'shortDescription' | 'args'>,
): string {
  const args = argsOf(item);
  const description =
    item.shortDescription ??
    (typeof args.shortDescription === 'string' ? args.shortDescription : null);
  const number = item.interactionNumber ?? 'An interaction not on this desk';
  return description ? `${number} · ${description}` : number;
}

/** The server's reason, with each field's message when it named fields. */
export function describeReason(item: Pick<NeedsAttentionItem, 'reason'>): string {
  const fields = Object.values(item.reason.fieldErrors ?? {});
  return [item.reason.message, ...fields].join(' ');
}
