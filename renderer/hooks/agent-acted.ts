// Whether the agent has typed, clicked or touched in this window yet. Until then the desk is filling
// itself in as it opens: its answers render in slices and its first focus waits for the first frame.
// From the agent's first input on, everything happens at once: it may be what the agent waits for
// (decision 0016).

/** What counts as the agent acting: a key, a pointer (mouse, pen, touch), typing by other means. */
const ACTS = ['keydown', 'pointerdown', 'input'] as const;

let acted = false;
if (typeof window !== 'undefined') {
  const onAct = (): void => {
    acted = true;
    for (const type of ACTS) window.removeEventListener(type, onAct, true);
  };
  for (const type of ACTS) window.addEventListener(type, onAct, true);
}

export const agentHasActed = (): boolean => acted;

/**
 * Runs `work` once the window has drawn its next frame (after that frame, in a task of its own);
 * answers a cancel for an effect's cleanup.
 */
export function afterNextFrame(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(work);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
