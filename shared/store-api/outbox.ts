// The outbox entry: one validated command, in the order the desk made it. This is exactly
// what sync pushes to the desk server; it is written in the same transaction as its record.

import type { CommandArgs, CommandName } from './contract';

export interface OutboxEntry<N extends CommandName = CommandName> {
  /**
   * Consecutive per client from 1, with no holes: the store assigns it from a counter in meta in
   * the entry's own transaction (an aborted one takes its number back), as the server requires.
   */
  mutationId?: number;
  clientId: string;
  name: N;
  args: CommandArgs<N>;
  /** The desk's clock and agent when it happened; the server replays with these. */
  at: string;
  actorId: string;
}
