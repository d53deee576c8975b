// A table's scrolling box that a keyboard can scroll too: focusable, named, a region.
// Never changes what it holds.

import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrollable box must take focus, or keyboard users cannot scroll it (axe: scrollable-region-focusable).
    <div className="import-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
