// What the window shows until it is known whether this desk works on its own, must sign in, or is
// signed in: a neutral "Starting…", never the workspace of an agent who is not there; or what
// kept it from starting.

import type { CSSProperties } from 'react';

/**
 * The faces and sizes the desk's screens set text in (their stylesheets' weights and sizes), and
 * monospace for numbers.
 */
const TYPE: readonly CSSProperties[] = [
  { fontSize: 12 },
  { fontSize: 13 },
  { fontSize: 13, fontWeight: 600 },
  { fontWeight: 600 },
  { fontWeight: 700, fontSize: 12 },
  { fontWeight: 700 },
  { fontWeight: 700, fontSize: 16 },
  { fontWeight: 700, fontSize: 18 },
  { fontWeight: 700, fontSize: 24 },
  { fontFamily: 'var(--mono)', fontSize: 13 },
  { fontFamily: 'var(--mono)' },
];

/**
 * The desk's type and controls, laid out once out of sight while the window starts. A browser
 * loads a face, a size and a kind of control the first time it lays one out, and the first frame
 * of the desk (or of Sign in) would otherwise pay for all of them at once (decision 0016). The
 * glyphs are pseudo-elements (`.type-warm-up`): no text for a reader, a search or a test; the
 * controls are inert.
 */
function TypeWarmUp() {
  return (
    <div className="type-warm-up" aria-hidden="true" inert>
      {TYPE.map((style, i) => (
        <span key={i} style={style} />
      ))}
      <input tabIndex={-1} readOnly />
      <select tabIndex={-1} />
      <textarea tabIndex={-1} readOnly />
      <button type="button" className="button" tabIndex={-1} />
    </div>
  );
}

export function StartingScreen({ problem = null }: { problem?: string | null }) {
  return (
    <main className="starting" aria-busy={problem === null} aria-label="Deskpad">
      <p role="status">{problem ?? 'Starting…'}</p>
      <TypeWarmUp />
    </main>
  );
}
