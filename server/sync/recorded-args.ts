// What the audit log keeps of a refused mutation's args: all of it when small, otherwise a
// SHA-256 and a short preview, so a signed-in desk cannot fill the disk with refusals. Pure.

import { createHash } from 'node:crypto';
import { storableJson } from '../db/storable-text';

/** Refused args up to this many bytes of JSON are kept whole (every real command is far below). */
export const REFUSED_ARGS_KEPT_BYTES = 16 * 1024;
/** How much of larger refused args is kept to read. */
export const REFUSED_ARGS_PREVIEW_CHARS = 1024;

/**
 * The jsonb text to record for a mutation's args. Applied args were checked by the command's
 * contract and are kept as sent; refused ones are bounded.
 */
export function recordedArgsJson(args: unknown, refused: boolean): string {
  const whole = storableJson(args ?? null);
  if (!refused) return whole;
  const bytes = Buffer.byteLength(whole, 'utf8');
  if (bytes <= REFUSED_ARGS_KEPT_BYTES) return whole;
  return storableJson({
    truncated: true,
    bytes,
    sha256: createHash('sha256').update(whole).digest('hex'),
    preview: whole.slice(0, REFUSED_ARGS_PREVIEW_CHARS),
  });
}
