// What the page knows about the browser keeping Deskpad's data: persisted, not granted, or not
// known. Types and words only; web/ asks the browser, the notice shows the answer.

export type StoragePersistence = 'persisted' | 'not-granted' | 'unknown';

/** Handed in by the page (web/main.ts): the renderer never touches navigator.storage itself. */
export interface StoragePersistenceSource {
  /** Asks once at start (the browser may grant it silently) and answers what it decided. */
  check(): Promise<StoragePersistence>;
  /** Asks again, when the agent says so (after installing, or allowing it in site settings). */
  ask(): Promise<StoragePersistence>;
}

export const STORAGE_WORDS = {
  notGranted:
    'This browser may clear Deskpad’s data when space runs low, with interactions not yet synced. Install Deskpad (the browser’s Install app), or allow persistent storage for this site in its site settings.',
  askAgain: 'Ask again',
  dismiss: 'Dismiss',
} as const;
