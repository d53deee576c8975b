// A part of the window's script fetched once, when first needed or earlier when the window is
// idle: a section's own chunk (the Dashboard's, Administration's) or the account screens' schemas.
// Fetched at idle, its first use draws at once instead of waiting for the download. A failed fetch
// is forgotten, and tried again at the next use.

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

export interface LaterPart<T> {
  /** The module, fetched once (again after a failed fetch). */
  load: () => Promise<T>;
  /** Fetches it when the window is next idle (or after a second); answers a cancel. */
  prefetch: () => () => void;
}

/** `fetchPart` is the dynamic `import()` of the part's module. */
export function laterPart<T>(fetchPart: () => Promise<T>): LaterPart<T> {
  let loading: Promise<T> | null = null;
  const load = (): Promise<T> =>
    (loading ??= fetchPart().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return { load, prefetch: () => prefetchWhenIdle(load) };
}
