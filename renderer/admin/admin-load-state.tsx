// What an Administration page says while its data loads or when the desk server could not answer
// (offline, session ended, not permitted), with Try again. Shows nothing once the data is there.

import type { AdminQuery } from './admin-client';

export function AdminLoadState<T>({ query, what }: { query: AdminQuery<T>; what: string }) {
  if (query.status === 'failed')
    return (
      <div className="admin-alert" role="alert">
        <p>{query.error.message}</p>
        <button type="button" onClick={query.reload}>
          Try again
        </button>
      </div>
    );
  if (query.status === 'loading' && query.value === null)
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  return null;
}
