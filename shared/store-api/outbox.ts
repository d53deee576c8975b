// The outbox entry: one validated command, in the order the desk made it. This is exactly
// what sync pushes to the desk server; it is written in the same transaction as its record.

import type { CommandArgs, CommandName } from './contract';

export interface OutboxEntry<N extends CommandName = CommandName> {
  /** Strictly increasing per client (the store's auto-increment key). */
  mutationId?: number;
  clientId: string;
  name: N;
  args: CommandArgs<N>;
  /** The desk's clock and agent when it happened; the server replays with these. */
  at: string;
  actorId: string;
}
