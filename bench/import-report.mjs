// Issue 11's import figures as table rows: 100,000 users committed and found on a desk, 1,000,000
// rows with the server's peak memory, each against its target. Pure: never measures.

import { formatMs } from './report.mjs';

/** @typedef {import('./bench-types').ImportBenchResults} ImportBenchResults */
/** @typedef {import('./report.mjs').FigureRow} FigureRow */

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');

/**
 * @param {ImportBenchResults} r
 * @returns {FigureRow[]}
 */
export function importFigureRows(r) {
  const { users, big } = r;
  return [
    {
      figure: `CSV of ${count(users.rows)} users (${(users.bytes / 1048576).toFixed(1)} MiB) uploaded, checked and committed on the server`,
      target: '≤ 10 s',
      met: users.committedMs <= 10_000,
      deskpad: `${formatMs(users.committedMs)} (${count(users.rowsPerSecond)} rows/s; upload ${formatMs(users.uploadMs)}, check done at ${formatMs(users.checkedMs)})`,
      baseline: '—',
      ratio: `${(users.committedMs / 10_000).toFixed(2)}× the target`,
    },
    {
      figure: 'The same import until a signed-in desk finds an imported caller by phone digits',
      target: '≤ 15 s',
      met: r.foundOnDeskMs !== null && r.foundOnDeskMs <= 15_000,
      deskpad: r.foundOnDeskMs === null ? 'not found within 120 s' : formatMs(r.foundOnDeskMs),
      baseline: '—',
      ratio:
        r.foundOnDeskMs === null ? '—' : `${(r.foundOnDeskMs / 15_000).toFixed(2)}× the target`,
    },
    {
      figure: `${count(big.rows)} rows (${(big.bytes / 1048576).toFixed(0)} MiB) imported: the server's peak resident memory`,
      target: '< 300 MB',
      met: big.peakRssMiB * 1.048576 < 300,
      deskpad: `${big.peakRssMiB.toFixed(0)} MiB peak (${big.rssBeforeMiB.toFixed(0)} MiB before), in ${formatMs(big.committedMs)} (${count(big.rowsPerSecond)} rows/s)`,
      baseline: '—',
      ratio: `${((big.peakRssMiB * 1.048576) / 300).toFixed(2)}× the target`,
    },
  ];
}
