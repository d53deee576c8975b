// The roles of an account as checkboxes in a labelled group, for Create agent and Set roles.
// Never decides which roles are allowed: the shared schema and the server do.

import type { RefObject } from 'react';
import { AGENT_ROLES, ROLE_LABELS } from '../../../shared/admin/agents';
import type { Role } from '../../../shared/sync/server-api';

export function RolesFieldset({
  idPrefix,
  roles,
  onChange,
  error,
  firstRef,
}: {
  idPrefix: string;
  roles: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  /** Set to the first checkbox (where a Set roles dialog starts). */
  firstRef?: RefObject<HTMLInputElement | null>;
}) {
  const errorId = `${idPrefix}-roles-error`;
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend>Roles</legend>
      {AGENT_ROLES.map((role, index) => (
        <label key={role} className="checkbox">
          <input
            ref={index === 0 ? firstRef : undefined}
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? AGENT_ROLES.filter((r) => r === role || roles.includes(r))
                  : roles.filter((r) => r !== role),
              )
            }
          />{' '}
          {ROLE_LABELS[role]}
        </label>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
