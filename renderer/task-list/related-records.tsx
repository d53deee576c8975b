// The interaction's related records: the incidents and requests made from it or associated with
// it, each with its number and state as this desk has them now; a number opens the record.
// Never changes a link: the escalation commands make them.

import { useId } from 'react';
import type { RelatedRecord } from '../../shared/domain/related-records';
import { useLiveValue } from '../hooks/use-live-query';

const KIND_LABEL = { incident: 'Incident', request: 'Request' } as const;
const RELATION_LABEL = {
  created: 'created from this interaction',
  associated: 'associated with this interaction',
} as const;

function RelatedRow({
  link,
  onOpen,
}: {
  link: RelatedRecord;
  onOpen: (kind: RelatedRecord['kind'], id: string) => void;
}) {
  const incident = useLiveValue(
    'incident.get',
    link.kind === 'incident' ? { id: link.id } : null,
    null,
  );
  const request = useLiveValue(
    'request.get',
    link.kind === 'request' ? { id: link.id } : null,
    null,
  );
  const now = incident ?? request;
  // The link keeps the number it was made with; the record may have its real number since.
  const number = now?.number ?? link.number;
  return (
    <tr>
      <td className="cell-number">
        <button type="button" className="row-open" onClick={() => onOpen(link.kind, link.id)}>
          {number}
        </button>
      </td>
      <td>{KIND_LABEL[link.kind]}</td>
      <td>
        <span className="cell-description">{now?.shortDescription ?? ''}</span>
      </td>
      <td>{now?.state ?? 'Not on this desk'}</td>
      <td>{RELATION_LABEL[link.relation]}</td>
    </tr>
  );
}

export function RelatedRecords({
  records,
  onOpen,
}: {
  records: readonly RelatedRecord[];
  onOpen: (kind: RelatedRecord['kind'], id: string) => void;
}) {
  const headingId = useId();
  return (
    <section className="related-list" aria-labelledby={headingId}>
      <h3 id={headingId}>Related records</h3>
      <div className="table-scroll">
        <table className="interaction-table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Type</th>
              <th scope="col">Short description</th>
              <th scope="col">State</th>
              <th scope="col">Relation</th>
            </tr>
          </thead>
          <tbody>
            {records.map((link) => (
              <RelatedRow key={`${link.kind}:${link.id}`} link={link} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
