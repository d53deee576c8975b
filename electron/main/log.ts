// The main process's log: one line per event, prefixed so it stands out in a terminal.
// Never logs interaction content or tokens; callers pass short operational messages.

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LogSink {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const createLog = (sink: LogSink, prefix = 'Deskpad'): Log => ({
  info: (message) => sink.log(`${prefix}: ${message}`),
  warn: (message) => sink.warn(`${prefix}: ${message}`),
  error: (message) => sink.error(`${prefix}: ${message}`),
});
