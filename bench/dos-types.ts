// The shapes of issue 10's figure (bench/dos-bench.mjs → results.json → dos-report.mjs): health and
// sign-in latency on an idle desk server and under attack. Types only; nothing runs here.

import type { Spread } from './bench-types';

/** What the attackers did and what the server did to them. */
export interface AttackStats {
  /** Requests with a big body begun (each on a new connection). */
  bodyRequests: number;
  /** Answers to them by status code ("401": n). */
  bodyAnswers: Record<string, number>;
  bodyBytesSent: number;
  /** Big-body connections that closed before their whole body was sent. */
  bodyCutOff: number;
  slowOpened: number;
  /** Slow connections the server closed (each reopened at once). */
  slowClosedByServer: number;
  /** How long each of those had been open. */
  slowLifetimesMs: number[];
  /** Slow connections still open when the attack stopped. */
  slowOpenAtStop: number;
}

export interface LatencySample extends Spread {
  p99: number;
  /** Answers that were not the expected status (200 for health, 201 for sign-in). */
  failures: number;
}

export interface DosPhase {
  health: LatencySample;
  signIn: LatencySample;
}

export interface DosBenchResults {
  date: string;
  command: string;
  wallSeconds: number;
  /** How the desk server stores its data. */
  database: string;
  cores: number;
  loadAverage: { min: number; max: number };
  /** Requests per phase and at how many at once. */
  healthRequests: number;
  signIns: number;
  concurrency: number;
  attackers: { bodies: number; bodyBytes: number; slow: number; trickleMs: number };
  idle: DosPhase;
  attacked: DosPhase;
  attack: AttackStats;
  /** How long the attack ran, warm-up included. */
  attackSeconds: number;
}
