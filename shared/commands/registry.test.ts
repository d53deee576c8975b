/// <reference types="vite/client" />
// Every registered command, from its own fixtures (`<kind>/<verb>.fixtures.ts`): a run the rules
// allow changes what it says, the same run again changes nothing, a refused run changes nothing,
// and its permission, records and output view hold. A command without fixtures fails here.

import { describe, expect, it } from 'vitest';
import type { CommandInput, CommandName } from '../store-api/contract';
import { parseCommand } from '../store-api/validate';
import { recordNamedBy, viewRefsOf, type CommandModule } from './command-module';
import { mayRun, ROLES } from './permission';
import { recordKey } from './record-set';
import { COMMAND_MODULES, commandInputs, commandModule, recordsOfEntry } from './registry';
import { commandDesk, GROUP_MEMBERS } from './testing/command-desk';
import type { CommandFixture } from './testing/fixture';

const files = import.meta.glob<{ fixture: CommandFixture }>('./*/*.fixtures.ts', { eager: true });
const fixtures = new Map<string, CommandFixture>();
const twice: string[] = [];
for (const { fixture } of Object.values(files)) {
  if (fixtures.has(fixture.name)) twice.push(fixture.name);
  fixtures.set(fixture.name, fixture);
}

const fixtureOf = (name: CommandName): CommandFixture => {
  const fixture = fixtures.get(name);
  if (!fixture)
    throw new Error(
      `${name} has no fixtures: add ${name.replace('.', '/')}.fixtures.ts beside its module`,
    );
  return fixture;
};

const run = (desk: ReturnType<typeof commandDesk>, name: CommandName, input: unknown) =>
  desk.run(name, input as CommandInput<typeof name>);

/** The records only the server makes, as they are, then the steps. */
const setScene = (
  desk: ReturnType<typeof commandDesk>,
  records: CommandFixture['records'],
  steps: CommandFixture['given'],
) => {
  for (const record of records ?? []) desk.records.put(record);
  desk.given(steps);
};

const snapshot = (desk: ReturnType<typeof commandDesk>) =>
  JSON.stringify([...desk.records.values()]);

describe('the command registry', () => {
  it('registers each command once, under the name its module gives, with its schema', () => {
    const names = COMMAND_MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(commandInputs)).toEqual(names);
    for (const module of COMMAND_MODULES) {
      expect(module.name.split('.')[0], module.name).toMatch(
        /^(interaction|incident|request|visit|call|knowledge)$/,
      );
      expect(commandInputs[module.name]).toBe(module.args);
    }
  });

  it('has one fixture per command, and none for a command it does not know', () => {
    expect(twice).toEqual([]);
    for (const name of fixtures.keys()) expect(Object.keys(commandInputs)).toContain(name);
  });
});

describe.each(COMMAND_MODULES.map((m) => [m.name, m] as const))('%s', (name, module) => {
  const any = module as CommandModule;

  it('has fixtures', () => {
    expect(fixtures.has(name), `${name} needs a <verb>.fixtures.ts beside its module`).toBe(true);
  });

  it('is allowed: the role runs it, and it changes the records it says', () => {
    const fixture = fixtureOf(name);
    // The fixtures run as agent-1 (a member of grp-desk): its permission must let them, on the
    // record as the scene leaves it.
    const scene = commandDesk();
    setScene(scene, fixture.records, fixture.given);
    const named = recordNamedBy(scene.records, module.kind, fixture.allowed.id);
    const target = named && 'assignmentGroup' in named ? named : undefined;
    const actor = {
      id: 'agent-1',
      roles: [fixture.as ?? 'agent'],
      groupIds: Object.keys(GROUP_MEMBERS).filter((g) => GROUP_MEMBERS[g]?.includes('agent-1')),
    };
    expect(mayRun(module.permission, actor, target).ok).toBe(true);
    for (const role of module.permission.roles) expect(ROLES).toContain(role);

    const desk = commandDesk();
    setScene(desk, fixture.records, fixture.given);
    const applied = run(desk, name, fixture.allowed);
    if (!applied.ok) throw new Error(`${name} was refused: ${applied.error.message}`);
    expect(applied.value.changed.map((c) => recordKey({ kind: c.kind, id: c.record.id }))).toEqual(
      fixture.changes.map(recordKey),
    );

    // It names the records it touches, the one in args.id (of its kind) first.
    const parsed = parseCommand(name, fixture.allowed);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const refs = any.records(parsed.value.args);
    // A rating names an article, which is not a record of theirs: it touches none.
    if (module.kind === 'article') expect(refs).toEqual([]);
    else expect(refs[0]).toEqual({ kind: module.kind, id: fixture.allowed.id });
    expect(recordsOfEntry({ name, args: fixture.allowed })).toEqual(refs);
    for (const ref of fixture.changes) expect(refs).toContainEqual(ref);

    // Its output view names records that are there after it ran.
    for (const view of viewRefsOf(any.output)) {
      const id = (parsed.value.args as Record<string, unknown>)[view.id];
      expect(typeof id, `${name} output ${view.kind}`).toBe('string');
      expect(
        desk.records.get(view.kind, id as string),
        `${name} output ${view.kind}`,
      ).toBeDefined();
    }

    // Needs attention has words for it, from its args or from args it can no longer read.
    expect(commandModule(name).describe(fixture.allowed as Record<string, unknown>)).not.toBe('');
    expect(commandModule(name).describe({})).not.toBe('');
  });

  it('is idempotent: the same change again changes nothing and takes no number', () => {
    const fixture = fixtureOf(name);
    const desk = commandDesk();
    setScene(desk, fixture.records, fixture.given);
    const first = run(desk, name, fixture.allowed);
    expect(first.ok).toBe(true);
    const asked = desk.asked.length;
    const before = snapshot(desk);
    const again = run(desk, name, fixture.allowed);
    if (!first.ok || !again.ok) throw new Error(`${name} was refused`);
    // A rating is kept under its key (article, revision, agent): the same verdict again, later,
    // is the same row for its keeper.
    const { ratings, ...rest } = again.value;
    expect(rest).toEqual({ changed: [], created: null });
    const verdicts = (list = ratings) => list?.map(({ at: _at, ...verdict }) => verdict);
    expect(verdicts()).toEqual(verdicts(first.value.ratings));
    expect(desk.asked.length).toBe(asked);
    expect(snapshot(desk)).toBe(before);
  });

  it('is refused by its rules, and then changes nothing', () => {
    const fixture = fixtureOf(name);
    const desk = commandDesk();
    setScene(
      desk,
      fixture.refused.records ?? fixture.records,
      fixture.refused.given ?? fixture.given,
    );
    const before = snapshot(desk);
    const refused = run(desk, name, fixture.refused.input);
    expect(refused).toMatchObject({ ok: false, error: { code: fixture.refused.code } });
    expect(snapshot(desk)).toBe(before);
  });
});
