// An agent's day at a desk, as random but reproducible commands (create, update, work note, close), and
// the ledger of what each saved record must look like. It only calls the store host's public commands.

import type { Group } from '../../shared/domain/directory';
import { FULFILLER_COUNT, generateDirectory } from '../../shared/demo/directory-generator';
import type { CreateInteractionArgs, InteractionType } from '../../shared/domain/interaction';
import { DEMO_USERS, value, type FaultDesk } from './fault-desk';

/** What the agent saved, field by field: the server must end up with exactly this. */
export interface SavedInteraction {
  id: string;
  desk: string;
  openedFor: string | null;
  contactEmail: string;
  contactPhone: string;
  type: InteractionType;
  assignmentGroup: string | null;
  assignedTo: string | null;
  shortDescription: string;
  description: string;
  state: string;
  /** Work note ids and texts, in the order they were added. */
  workNotes: { id: string; text: string }[];
  /** The signed-in agent at the desk that saved it, when the test knows who that is. */
  openedBy: string | null;
  /** The number the desk showed right after the save (provisional). */
  numberAtSave: string;
}

/** mulberry32: small, fast, and the same sequence for the same seed, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const directory = generateDirectory({ users: DEMO_USERS });
const callers = directory.users.slice(FULFILLER_COUNT);
const groups: Group[] = directory.groups.filter((g) => g.memberIds.length > 0);
const TYPES: InteractionType[] = ['Phone', 'Walk-in', 'Email', 'Chat', 'Self-service'];
// Text that has broken sync layers before: accents, an emoji (a surrogate pair), quotes, a newline.
const SAMPLES = [
  'Outlook asks for the password',
  'Drucker "3.OG" – Papierstau',
  'VPN drops 📶',
  'Écran noir\nafter update',
];

export class Ledger {
  readonly saved = new Map<string, SavedInteraction>();
  private readonly random: () => number;
  private serial = 0;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.random() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  ids(): string[] {
    return [...this.saved.keys()].sort();
  }

  /** Creates one interaction on `desk` and records it. */
  async create(desk: FaultDesk): Promise<SavedInteraction> {
    const serial = ++this.serial;
    const id = `${desk.name}-${serial}-${Math.floor(this.random() * 1e9).toString(36)}`;
    const caller = this.pick(callers);
    const group = this.chance(0.3) ? this.pick(groups) : null;
    const assignee = group && this.chance(0.5) ? this.pick(group.memberIds) : null;
    const args: CreateInteractionArgs = {
      id,
      openedFor: caller.id,
      contactEmail: caller.email,
      contactPhone: caller.phone,
      type: this.pick(TYPES),
      component: null,
      assignmentGroup: group?.id ?? null,
      assignedTo: assignee,
      shortDescription: `${this.pick(SAMPLES).split('\n')[0] ?? ''} #${serial} ${desk.name}`,
      description: this.chance(0.5) ? `${this.pick(SAMPLES)} (${serial})` : '',
    };
    const view = value(await desk.host.command('interaction.create', args));
    const record: SavedInteraction = {
      id,
      desk: desk.name,
      openedFor: args.openedFor,
      contactEmail: args.contactEmail,
      contactPhone: args.contactPhone,
      type: args.type,
      assignmentGroup: args.assignmentGroup,
      assignedTo: args.assignedTo,
      shortDescription: args.shortDescription,
      description: args.description,
      state: assignee ? 'Work in Progress' : 'New',
      workNotes: [],
      openedBy: desk.agentId,
      numberAtSave: view.number,
    };
    this.saved.set(id, record);
    return record;
  }

  /** One random thing an agent does at `desk`: mostly new contacts, some follow-ups on its own records. */
  async step(desk: FaultDesk): Promise<void> {
    const own = [...this.saved.values()].filter((r) => r.desk === desk.name);
    const open = own.filter((r) => !r.state.startsWith('Closed'));
    const roll = this.random();
    if (own.length === 0 || roll < 0.55) {
      await this.create(desk);
    } else if (roll < 0.7 && open.length > 0) {
      const record = this.pick(open);
      const description = `${record.description} +edit${++this.serial}`.trim();
      const state = record.state === 'New' ? 'Work in Progress' : 'On Hold';
      value(
        await desk.host.command('interaction.update', {
          id: record.id,
          changes: { description, state },
        }),
      );
      record.description = description;
      record.state = state;
    } else if (roll < 0.85) {
      const record = this.pick(own);
      const note = { id: `${record.id}:n${++this.serial}`, text: `Called back (${this.serial})` };
      value(
        await desk.host.command('interaction.addWorkNote', {
          id: record.id,
          noteId: note.id,
          text: note.text,
        }),
      );
      record.workNotes.push(note);
    } else if (open.length > 0) {
      const record = this.pick(open);
      const state = this.chance(0.8) ? 'Closed Complete' : 'Closed Abandoned';
      value(await desk.host.command('interaction.close', { id: record.id, state }));
      record.state = state;
    } else {
      await this.create(desk);
    }
  }
}
