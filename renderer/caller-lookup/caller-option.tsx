// How one caller reads in the lookup: name (VIP marked), email, department and location, and for
// a caller the agent dealt with lately how often and when (they are listed first). Display only.

import type { KnownCaller, UserHit } from '../../shared/domain/directory';
import { formatDaysAgo } from '../format/format-time';

/** "Known caller · 3 interactions · last today": why a caller is listed before the others. */
export function knownCallerText(known: KnownCaller, now: Date): string {
  const count = known.interactions === 1 ? '1 interaction' : `${known.interactions} interactions`;
  const last = formatDaysAgo(known.lastAt, now);
  return `Known caller · ${count}${last === '' ? '' : ` · last ${last}`}`;
}

export function CallerOption({ user }: { user: UserHit }) {
  return (
    <>
      <span className="option-title">
        <span className="option-name">{user.name}</span>
        {user.vip && <span className="badge badge--vip">VIP</span>}
      </span>
      <span className="option-detail">{user.email}</span>
      <span className="option-detail">
        {user.department} · {user.location}
      </span>
      {user.known && (
        <span className="option-detail option-known">
          {knownCallerText(user.known, new Date())}
        </span>
      )}
    </>
  );
}
