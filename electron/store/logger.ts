// The store host's logger: levels, a module name per line, and a bounded ring of recent lines that
// Sync details shows. Never keeps or passes on a secret: tokens and passwords are redacted first.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface LogLine {
  /** ISO time the line was written (the logger's clock: for reading, never for ordering data). */
  at: string;
  level: LogLevel;
  module: string;
  message: string;
}

export interface Logger {
  debug(message: string, error?: unknown): void;
  info(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  /** The same ring and secrets, lines named for `module`. */
  child(module: string): Logger;
  /** A value never to appear in a line (a session token): every occurrence becomes `[redacted]`. */
  addSecret(secret: string): void;
  /** `text` as a line would keep it: every secret replaced. */
  redact(text: string): string;
  /** The recent lines, oldest first. */
  recent(): LogLine[];
}

export interface LoggerOptions {
  module?: string;
  /** How many lines the ring keeps (the oldest go first). 200 by default. */
  capacity?: number;
  /** Lines below this level are dropped. `info` by default. */
  level?: LogLevel;
  clock?: () => number;
  /** Also hands each (redacted) line on, e.g. to the console of the worker. */
  sink?: (line: LogLine) => void;
}

export const DEFAULT_LOG_CAPACITY = 200;
const REDACTED = '[redacted]';
/** Longer messages are cut: a log line is for reading, not for a dump of a server's answer. */
const MAX_MESSAGE_LENGTH = 1000;
/** Too short to be a token: replacing it would garble ordinary words. */
const MIN_SECRET_LENGTH = 8;

/**
 * What secrets look like in text: `"token":"…"`, `password=…`, `Authorization: Bearer …`, and the
 * same with sealedToken, secret or pokeStream's neighbours. The value is replaced, the name kept.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /(["']?(?:[a-z]*token|password|secret|authorization)["']?\s*[:=]\s*["']?)(?:bearer\s+)?[^"',\s}&]+/gi,
  /(bearer\s+)[\w\-.~+/=]+/gi,
];

/** The text with every known secret and everything that looks like one replaced. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  return out;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A fixed-size list that drops its oldest item to make room. */
export class RingBuffer<T> {
  private readonly items: T[] = [];
  private readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = Math.max(1, Math.floor(capacity));
  }
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }
  toArray(): T[] {
    return [...this.items];
  }
}

interface Shared {
  ring: RingBuffer<LogLine>;
  secrets: Set<string>;
  level: number;
  clock: () => number;
  sink: ((line: LogLine) => void) | undefined;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return loggerFor(options.module ?? 'store-host', {
    ring: new RingBuffer(options.capacity ?? DEFAULT_LOG_CAPACITY),
    secrets: new Set(),
    level: LOG_LEVELS.indexOf(options.level ?? 'info'),
    clock: options.clock ?? Date.now,
    sink: options.sink,
  });
}

function loggerFor(module: string, shared: Shared): Logger {
  const write = (level: LogLevel, message: string, error?: unknown): void => {
    if (LOG_LEVELS.indexOf(level) < shared.level) return;
    const text = error === undefined ? message : `${message}: ${describeError(error)}`;
    const line: LogLine = {
      at: new Date(shared.clock()).toISOString(),
      level,
      module,
      message: redact(text, shared.secrets).slice(0, MAX_MESSAGE_LENGTH),
    };
    shared.ring.push(line);
    try {
      shared.sink?.(line);
    } catch {
      // A sink that fails (a closed console) never breaks the code that logged.
    }
  };
  return {
    debug: (message, error) => write('debug', message, error),
    info: (message, error) => write('info', message, error),
    warn: (message, error) => write('warn', message, error),
    error: (message, error) => write('error', message, error),
    child: (name) => loggerFor(name, shared),
    addSecret: (secret) => {
      if (secret.length >= MIN_SECRET_LENGTH) shared.secrets.add(secret);
    },
    redact: (text) => redact(text, shared.secrets),
    recent: () => shared.ring.toArray(),
  };
}

/** Writes warnings and errors to the console (the worker's devtools); the rest stays in the ring. */
export function consoleSink(line: LogLine): void {
  const text = `[${line.module}] ${line.message}`;
  if (line.level === 'error') console.error(text);
  else if (line.level === 'warn') console.warn(text);
}
