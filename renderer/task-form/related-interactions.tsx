// The interactions an incident or request came from or was associated with (their callers are
// the ones affected); a number opens the interaction. Display only.

import { useId } from 'react';
import type { RelatedInteraction } from '../../shared/domain/task';

export function RelatedInteractions({
  label,
  related,
  onOpen,
}: {
  label: string;
  related: readonly RelatedInteraction[];
  onOpen?: ((interactionId: string) => void) | undefined;
}) {
  const headingId = useId();
  if (related.length === 0) return null;
  return (
    <section className="related-interactions" aria-labelledby={headingId}>
      <h3 id={headingId}>{label}</h3>
      <ul className="link-list">
        {related.map((r) => (
          <li key={r.id}>
            {onOpen ? (
              <button type="button" className="row-open" onClick={() => onOpen(r.id)}>
                {r.number}
              </button>
            ) : (
              <span className="number">{r.number}</span>
            )}{' '}
            ({r.relation === 'origin' ? 'it was created from this interaction' : 'associated'})
          </li>
        ))}
      </ul>
    </section>
  );
}
