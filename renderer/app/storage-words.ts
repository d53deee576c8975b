// The desk's storage in words (Sync details and Copy for support): the browser's estimate against
// the ceiling, and the records held. Pure; never measures anything.

import type { StorageUse } from '../../shared/store-api/contract';

const MB = 1024 * 1024;

/** 12.3 MB, 200 MB, 1.5 GB: one decimal under 100, none above. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
  const mb = bytes / MB;
  return `${mb < 100 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

const records = (n: number): string => `${n.toLocaleString('en')} record${n === 1 ? '' : 's'}`;

export function storageWords(storage: StorageUse): string {
  const held = `${records(storage.records)} on this desk`;
  const ceiling = `kept under ${formatBytes(storage.ceilingBytes)}`;
  if (storage.usedBytes === null)
    return `${held}; this browser does not say how much space they use (${ceiling}).`;
  return `${formatBytes(storage.usedBytes)} used, ${ceiling}: ${held}.`;
}
