// A record number as the desk shows it: a provisional one (IMS-P0001) says so until the desk
// server gives the real number. Display only.

export function ProvisionalBadge() {
  return (
    <span
      className="badge badge--provisional"
      title="Provisional until the desk server gives the real number"
    >
      provisional
    </span>
  );
}

export function InteractionNumber({
  number,
  provisional,
}: {
  number: string;
  provisional: boolean;
}) {
  return (
    <span className="number">
      {number}
      {provisional && ' '}
      {provisional && <ProvisionalBadge />}
    </span>
  );
}
