// What every `npm run admin` subcommand receives: the database the flags name, where to write, the
// clock and how to read a password. Passed in, so a test drives a subcommand without a process.

import type { ServerDatabase } from '../db/open-database';

export interface AdminCliDeps {
  /** The database `--data DIR` or DATABASE_URL names, opened and migrated; the CLI closes it. */
  database(): Promise<ServerDatabase>;
  /** A line for standard output (results). */
  out(line: string): void;
  /** A line for standard error (problems, prompts never). */
  err(line: string): void;
  now(): Date;
  /** A password: typed without echo on a terminal, else the first line of standard input. */
  readPassword(prompt: string, confirm: boolean): Promise<string>;
}
