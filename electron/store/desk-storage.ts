// What this desk keeps and how much room it takes (ADR 0020): eviction of what left its sync scope,
// at most once per `evictEveryMs`, and the storage measured for Sync details. The store host owns
// one; it never syncs and never answers a query itself.

import type { StorageUse } from '../../shared/store-api/contract';
import { SCOPE_DEFAULTS, type ScopeSettings } from '../../shared/sync/scope';
import { readMeta, type DeskDb } from './db';
import type { Logger } from './logger';
import { evictOutOfScope, heldCount, storageEstimate } from './sync/scope-eviction';

export interface DeskStorageDeps {
  db: DeskDb;
  now: () => Date;
  log: Logger;
  /** The signed-in agent (whose records the scope keeps). */
  agentId: () => string;
  /** The desk's own settings (tests, diagnostics): over the administrator's and the defaults. */
  ownSettings: Partial<ScopeSettings> | undefined;
  /** The records open in a form: never evicted. */
  openInForms: () => Set<string>;
  /** Incidents were evicted: Find existing incidents drops them. */
  incidentsEvicted: (revision: number, ids: string[]) => void;
  /** A new measure is at hand: Sync details answers again. */
  measured: () => void;
}

/** How long after the store host opens its storage is first measured (`measureOnceSettled`). */
export const SETTLE_MS = 2_000;

export class DeskStorage {
  /** The storage last measured (after each eviction, and once settled); null before the first. */
  current: StorageUse | null = null;
  private settling: ReturnType<typeof setTimeout> | null = null;
  /** When the last eviction ran (the desk's clock); null before the first. */
  private evictedAt: number | null = null;
  private readonly deps: DeskStorageDeps;

  constructor(deps: DeskStorageDeps) {
    this.deps = deps;
  }

  /** The desk's own options first (tests, diagnostics), then the administrator's, then defaults. */
  private async settings(): Promise<ScopeSettings> {
    const fromServer = (await readMeta(this.deps.db, 'sync'))?.scopeSettings;
    return { ...SCOPE_DEFAULTS, ...fromServer, ...this.deps.ownSettings };
  }

  /**
   * Drops what left this desk's scope, then measures what its storage holds for Sync details; at
   * most once per `evictEveryMs`, so a desk poked every few seconds does not read every record
   * it holds each time.
   */
  async evictOutOfScope(): Promise<void> {
    const { db, now, log } = this.deps;
    const settings = await this.settings();
    const at = now().getTime();
    if (this.evictedAt === null) {
      // A fresh desk that just took its whole scope holds nothing else: reading every record it
      // holds now would only keep the agent's first searches waiting. The first look is due
      // evictEveryMs after the snapshot; what it stored is measured now.
      const taken = Date.parse((await readMeta(db, 'sync'))?.scopeTakenAt ?? '');
      if (at - taken < settings.evictEveryMs) {
        this.evictedAt = taken;
        await this.measure();
        return;
      }
    }
    if (this.evictedAt !== null && at - this.evictedAt < settings.evictEveryMs) return;
    this.evictedAt = at;
    const outcome = await evictOutOfScope({
      db,
      agentId: this.deps.agentId(),
      now,
      settings,
      openInForms: this.deps.openInForms,
      usedBytes: async () => (await storageEstimate()).usage,
    });
    if (outcome.evicted.length > 0)
      log.info(`${outcome.evicted.length} records left this desk's scope and were evicted`);
    if (outcome.incidentsRevision !== undefined)
      this.deps.incidentsEvicted(
        outcome.incidentsRevision,
        outcome.evicted.filter((r) => r.kind === 'incident').map((r) => r.id),
      );
    await this.measure(outcome.held);
  }

  /**
   * The first measure, `afterMs` after the host opened: it counts every record this desk holds,
   * which at the start competed with the window's first screen for the CPU (decision 0016).
   */
  measureOnceSettled(afterMs: number): void {
    this.settling = setTimeout(() => {
      this.settling = null;
      this.measure().catch((error: unknown) =>
        this.deps.log.warn("this desk's storage could not be measured", error),
      );
    }, afterMs);
  }

  /** Nothing is measured after the host has closed. */
  close(): void {
    if (this.settling !== null) clearTimeout(this.settling);
    this.settling = null;
  }

  /** Measures the storage; `held` when the records were just counted. */
  async measure(held?: number): Promise<void> {
    const { usage, quota } = await storageEstimate();
    this.current = {
      usedBytes: usage,
      quotaBytes: quota,
      ceilingBytes: (await this.settings()).ceilingBytes,
      records: held ?? (await heldCount(this.deps.db)),
      measuredAt: this.deps.now().toISOString(),
    };
    this.deps.measured();
  }
}
