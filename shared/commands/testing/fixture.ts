// What a command module's fixtures say: the scene, a run the rules allow and what it changes, and a
// run they refuse. registry.test.ts runs them for every registered command. Test support only.

import type { StoreErrorCode } from '../../domain/result';
import type { CommandInput, CommandName } from '../../store-api/contract';
import type { Role } from '../permission';
import type { KindedRecord, RecordRef } from '../record-set';
import type { Step } from './command-desk';

export interface CommandFixture<N extends CommandName = CommandName> {
  name: N;
  /**
   * Records only the desk server makes (calls, from the phone system's events), put in place as
   * they are before `given` runs.
   */
  records?: readonly KindedRecord[];
  /** The records the allowed case needs, made by commands that must each go through. */
  given: readonly Step[];
  /** Who runs it (agent when left out): its permission must allow them. */
  as?: Role;
  /** A run the rules allow. */
  allowed: CommandInput<N>;
  /** The records the allowed run changes, the one it is named by first. */
  changes: readonly RecordRef[];
  /** A run the rules refuse, on its own scene (`given` when it has none): it changes nothing. */
  refused: {
    records?: readonly KindedRecord[];
    given?: readonly Step[];
    input: CommandInput<N>;
    code: StoreErrorCode;
  };
}

/** Declares a command's fixtures (its `<verb>.fixtures.ts` exports it as `fixture`). */
export const commandFixture = <N extends CommandName>(
  fixture: CommandFixture<N>,
): CommandFixture<N> => fixture;
