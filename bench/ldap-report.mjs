// The LDAP sync's figures as rows of the bench report: the first sync of N users and an
// incremental sync of 10 changes from a real slapd, against the targets. Pure.

/** @typedef {import('./bench-types').LdapBenchResults} LdapBenchResults */

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * @param {LdapBenchResults} l
 */
export function ldapFigureRows(l) {
  const perSecond = Math.round(l.users / (l.first.serverMs / 1000)).toLocaleString('en-US');
  const load = l.loadAverage
    ? `; load average ${l.loadAverage.min.toFixed(1)}–${l.loadAverage.max.toFixed(1)}`
    : '';
  return [
    {
      figure: `LDAP first sync of ${l.users.toLocaleString('en-US')} users (${l.groups} groups) from slapd into the desk server (Sync now → last result)`,
      target: '≤ 10 s',
      met: l.first.serverMs <= 10_000,
      deskpad: `${seconds(l.first.serverMs)} (${perSecond} users/s; ${seconds(l.first.wallMs)} as the admin sees it${load})`,
      baseline: '10 s target',
      ratio: `${(l.first.serverMs / 10_000).toFixed(2)} of the target`,
    },
    {
      figure: `LDAP incremental sync with ${l.changes} changes (adds, phones, moves, a lock, deletions)`,
      target: '≤ 1 s',
      met: l.incremental.serverMs <= 1000,
      deskpad: `${seconds(l.incremental.serverMs)} (${l.incremental.usersWritten} users written, ${l.incremental.deactivated} deactivated; ${seconds(l.incremental.wallMs)} as the admin sees it)`,
      baseline: `first sync ${seconds(l.first.serverMs)}`,
      ratio: `${(l.first.serverMs / Math.max(l.incremental.serverMs, 1)).toFixed(1)}× faster than a full sync`,
    },
  ];
}
