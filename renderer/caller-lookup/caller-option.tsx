// How one caller reads in the lookup: name (VIP marked), email, department and location.
// Display only; never fetches.

import type { UserHit } from '../../shared/domain/directory';

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
    </>
  );
}
