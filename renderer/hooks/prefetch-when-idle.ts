// Fetches a section's own chunk when the desk is next idle (or after a second), so its first
// opening draws at once instead of waiting for the download; cancellable. A failed fetch is
// forgotten by the loader and tried again when the section opens.

/** Starts `load` when the desk is idle; answers a cancel for an effect's cleanup. */
export function prefetchWhenIdle(load: () => Promise<unknown>): () => void {
  const start = () => void load().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(start, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(start, 1000);
  return () => clearTimeout(timer);
}
