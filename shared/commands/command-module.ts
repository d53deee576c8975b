// What one command is: its name, argument schema, the records it touches, the pure apply, its
// output view, its words in Needs attention and who may run it. Shapes only; never lists commands.

import type { z } from 'zod';
import type { ArticleRating, KnowledgeRules } from '../domain/article-rating';
import type { MutationContext } from '../domain/interaction';
import type { CatalogRules } from '../domain/request';
import type { StoreResult } from '../domain/result';
import type { InteractionView } from '../store-api/contract';
import type { IncidentView, RequestView } from '../store-api/escalation-contract';
import type { CallView } from '../store-api/call-contract';
import type { VisitView } from '../store-api/walk-up-contract';
import type { Permission } from './permission';
import type { KindedRecord, RecordKind, RecordRef, RecordSet, RecordTypes } from './record-set';

export interface ApplyContext extends MutationContext {
  /** The catalog the request commands check answers against (the desk's cache, the server's table). */
  catalog: CatalogRules;
  /**
   * The number a record created by this command gets: a provisional one on the desk, the next
   * real one on the server. It may be asked and then not used (the create is refused); the
   * caller advances its counter only when `Applied.created` names the kind.
   */
  numberFor(kind: RecordKind, id: string): { number: string; provisional: boolean };
  /** The articles a rating may name (the desk's published ones, the server's revisions). */
  knowledge?: KnowledgeRules;
}

export interface Applied {
  /** Every record the command changed, each once, the one it is named by first. Empty: no change. */
  changed: KindedRecord[];
  /** The kind of the record this command created (so a number was used), or null. */
  created: RecordKind | null;
  /**
   * Agents' verdicts on articles (knowledge.rate): not records, so not numbered, pulled or
   * rebased; the desk and the server each keep them in their own table, the later one per key.
   */
  ratings?: readonly ArticleRating[];
}

/**
 * What a command is named by: a record kind, or an article (a rating names the article it rates,
 * which is the directory's, never a command's record).
 */
export type CommandKind = RecordKind | 'article';

/** The argument names whose values are strings: where an output view finds a record's id. */
export type StringKeys<A> = {
  [K in keyof A]-?: A[K] extends string ? K : never;
}[keyof A] &
  string;

/** One record to answer with: its kind, and the argument that holds its id. */
export interface ViewRef<A = Record<string, unknown>> {
  kind: RecordKind;
  id: StringKeys<A>;
}

/**
 * What a command answers the window that sent it, declared (the store host builds the views):
 * one record's view, or several records' views by field, in the order given.
 */
export type OutputView<A = Record<string, unknown>> =
  ViewRef<A> | { readonly [field: string]: ViewRef<A> };

/** Any command's output view, its ids read as plain argument names. */
export type AnyOutputView =
  { kind: RecordKind; id: string } | { readonly [field: string]: { kind: RecordKind; id: string } };

/**
 * The records an output view names, each with the field it answers under (null: the answer is
 * that one view), in the order declared.
 */
export function viewRefsOf(
  output: AnyOutputView,
): { field: string | null; kind: RecordKind; id: string }[] {
  if (typeof output.kind === 'string' && typeof output.id === 'string')
    return [{ field: null, kind: output.kind, id: output.id }];
  return Object.entries(output as Readonly<Record<string, { kind: RecordKind; id: string }>>).map(
    ([field, ref]) => ({ field, kind: ref.kind, id: ref.id }),
  );
}

/** The view the screens get for each kind of record. */
export interface ViewTypes {
  interaction: InteractionView;
  incident: IncidentView;
  request: RequestView;
  visit: VisitView;
  call: CallView;
}

type ViewOfRef<R> = R extends { kind: infer K extends RecordKind } ? ViewTypes[K] : never;

/** The type of the answer an output view declares. */
export type OutputOf<O> = O extends { kind: RecordKind }
  ? ViewOfRef<O>
  : { -readonly [F in keyof O]: ViewOfRef<O[F]> };

/** Arguments as an outbox entry may hold them: each one may be missing or of another shape. */
export type LooseArgs<A> = { readonly [K in keyof A]?: unknown };

export interface CommandModule<
  N extends string = string,
  S extends z.ZodType = z.ZodType,
  O extends AnyOutputView = AnyOutputView,
> {
  /** `<kind>.<verb>`, as the store port, the outbox and the push name it. */
  readonly name: N;
  /** The kind of the record it is named by (`args.id`): what Needs attention opens. */
  readonly kind: CommandKind;
  /** Checks the arguments on arrival (store port, push); the outbox keeps what it answers. */
  readonly args: S;
  /** Who may run it. */
  readonly permission: Permission;
  /** It makes the record it is named by when that record is not there yet (a waiting one brings it back). */
  readonly creates?: boolean;
  /**
   * Every record it reads or writes, the one it is named by first. Only reads ids off `args` (the
   * rebase passes an outbox entry's raw args too, and checks the ids it answers).
   */
  records(args: z.output<S>): RecordRef[];
  /**
   * The pure change over the records it touches (loaded by the caller): what changed (nothing when
   * it is the same change again) or a refusal that changes nothing.
   */
  apply(records: RecordSet, args: z.output<S>, ctx: ApplyContext): StoreResult<Applied>;
  /** Which records' views answer it. */
  readonly output: O;
  /** The change as the button that made it is named, for Needs attention. */
  describe(args: LooseArgs<z.output<S>>): string;
}

/** Declares a command module, checking its output view against its arguments. */
export const defineCommand = <
  const N extends string,
  S extends z.ZodType,
  const O extends OutputView<z.output<S>>,
>(
  module: CommandModule<N, S, O>,
): CommandModule<N, S, O> => module;

/** The record a command is named by, as `records` holds it; an article is none of theirs. */
export const recordNamedBy = (
  records: RecordSet,
  kind: CommandKind,
  id: string,
): RecordTypes[RecordKind] | undefined => (kind === 'article' ? undefined : records.get(kind, id));
