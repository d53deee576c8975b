// What an incident or request panel shows until its record is there: opening, not on this desk,
// or the store's problem in words. Display only.

import { useId } from 'react';
import type { StoreResult } from '../../shared/domain/result';

export function RecordPlaceholder({
  kind,
  answer,
}: {
  kind: 'incident' | 'request';
  answer: StoreResult<unknown> | undefined;
}) {
  const headingId = useId();
  return (
    <section className="form-placeholder" aria-labelledby={headingId}>
      <h2 id={headingId}>{kind === 'incident' ? 'Incident' : 'Request'}</h2>
      <p className="muted">
        {answer === undefined
          ? `Opening the ${kind}…`
          : answer.ok
            ? `This ${kind} is not on this desk.`
            : answer.error.message}
      </p>
    </section>
  );
}
