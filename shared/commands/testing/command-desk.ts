// An in-memory desk for command tests: the records, a small directory and the demo catalog, and
// run(name, input) through the one applyCommand, writing back what changed. Test support only.

import { NUMBER_PREFIX } from '../../domain/numbering';
import { generateCatalog } from '../../demo/catalog-generator';
import { fail, type StoreResult } from '../../domain/result';
import { applyCommand } from '../../store-api/apply-command';
import type { CommandInput, CommandName } from '../../store-api/contract';
import { parseCommand } from '../../store-api/validate';
import type { Applied, ApplyContext } from '../command-module';
import { RecordMap, type RecordKind } from '../record-set';

const catalog = generateCatalog();

/** Who works in which assignment group. */
export const GROUP_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  'grp-desk': ['agent-1', 'agent-2'],
  'grp-net': ['tech-1'],
  grp_access_management: ['agent-2'],
};

/** A step that sets a scene: one command with its input. */
export type Step = { [N in CommandName]: { name: N; input: CommandInput<N> } }[CommandName];

export const step = <N extends CommandName>(name: N, input: CommandInput<N>): Step =>
  ({ name, input }) as Step;

export interface CommandDesk {
  records: RecordMap;
  /** The kinds numbers were asked for, in order (a refused create may ask and not use one). */
  asked: RecordKind[];
  run<N extends CommandName>(name: N, input: CommandInput<N>): StoreResult<Applied>;
  /** Runs each step; throws at the first one refused, since a scene must hold. */
  given(steps: readonly Step[]): void;
}

export function commandDesk(actorId = 'agent-1'): CommandDesk {
  const records = new RecordMap();
  const asked: RecordKind[] = [];
  const used: Record<RecordKind, number> = {
    interaction: 0,
    incident: 0,
    request: 0,
    visit: 0,
    call: 0,
  };
  let minute = 0;
  const ctx = (): ApplyContext => ({
    now: new Date(Date.UTC(2026, 10, 23, 9, minute++)).toISOString(),
    actorId,
    directory: {
      isGroupMember: (g, u) => GROUP_MEMBERS[g]?.includes(u) ?? false,
      userName: (u) => (u === 'agent-1' ? 'Demo Agent' : u),
    },
    catalog: { catalogItem: (id) => catalog.find((i) => i.id === id) ?? null },
    numberFor: (kind) => {
      asked.push(kind);
      const prefix = NUMBER_PREFIX[kind];
      return { number: `${prefix}-P${String(used[kind] + 1).padStart(4, '0')}`, provisional: true };
    },
  });
  const run = <N extends CommandName>(name: N, input: CommandInput<N>): StoreResult<Applied> => {
    const parsed = parseCommand(name, input);
    if (!parsed.ok) return fail(parsed.error.code, `${name}: ${parsed.error.message}`);
    const applied = applyCommand(parsed.value, records, ctx());
    if (applied.ok) {
      for (const change of applied.value.changed) records.put(change);
      if (applied.value.created) used[applied.value.created] += 1;
    }
    return applied;
  };
  return {
    records,
    asked,
    run,
    given(steps) {
      for (const { name, input } of steps) {
        const applied = run(name, input as CommandInput<typeof name>);
        if (!applied.ok) throw new Error(`${name} did not set the scene: ${applied.error.message}`);
      }
    },
  };
}
