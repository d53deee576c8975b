// The store host's actions: sign in, adopt, sign out, sync now, retry or discard a refused change.
// Hands each to the sync engine or Needs attention; never records anything in the outbox.

import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { ActionArgs, ActionName, SyncStatus } from '../../shared/store-api/contract';
import { fetchReports } from './report-calls';
import { openFromHistory, searchServerHistory } from './history-calls';
import { runAdminCall } from './admin-calls';
import { deleteOwnTemplate, renameOwnTemplate, saveOwnTemplate } from './template-store';
import { uploadImportFile } from './admin-upload';
import type { DeskDb } from './db';
import type { LoadedDirectory } from './loaded-directory';
import type { Logger } from './logger';
import { DeskServerError } from './sync/desk-server-client';
import { discardRefused, retryRefused } from './sync/needs-attention';
import type { SyncEngine } from './sync/sync-engine';

export type ParsedAction = { [N in ActionName]: { name: N; args: ActionArgs<N> } }[ActionName];

export interface ActionContext {
  db: DeskDb;
  sync: SyncEngine | null;
  now: () => Date;
  agentId: () => string;
  /** The loaded directory, once loading has finished; the reason it is not there otherwise. */
  directory: () => Promise<LoadedDirectory | string>;
  syncStatus: () => Promise<StoreResult<SyncStatus>>;
  log: Logger;
}

const GONE = 'That change is no longer waiting for attention.';

export async function runAction(
  ctx: ActionContext,
  action: ParsedAction,
): Promise<StoreResult<unknown>> {
  if (
    action.name === 'template.save' ||
    action.name === 'template.rename' ||
    action.name === 'template.delete'
  )
    return runTemplateAction(ctx, action);
  if (action.name === 'sync.windowShown') {
    // Said by every window as it draws; a desk with no desk server has no sync to start.
    ctx.sync?.windowShown();
    return ok(null);
  }
  const sync = ctx.sync;
  if (!sync) return fail('not-ready', 'This desk has no desk server to sign in to or sync with.');
  switch (action.name) {
    case 'session.signIn':
      return sync.offers.signIn(action.args);
    case 'session.adopt':
      return sync.offers.adopt(action.args.token);
    case 'session.launch':
      return sync.offers.launch(action.args.code);
    case 'session.setup':
      return sync.offers.setup(action.args);
    case 'session.changePassword':
      return sync.offers.changePassword(action.args);
    case 'session.switch':
      return sync.offers.answer(action.args.accept);
    case 'session.signOut':
      if (!action.args.everywhere) return ok(await sync.signOut());
      try {
        return ok(await sync.signOut(true));
      } catch (error) {
        if (!(error instanceof DeskServerError)) throw error;
        return fail(
          'not-ready',
          `The desk server could not end your other sessions (${error.message}). You are still signed in here; try again when it answers.`,
        );
      }
    case 'sync.now':
      await sync.syncNow();
      return ctx.syncStatus();
    case 'sync.retry': {
      const directory = await ctx.directory();
      if (typeof directory === 'string') return fail('not-ready', directory);
      const mutationId = await retryRefused(
        ctx.db,
        action.args.id,
        directory.rules,
        ctx.agentId(),
        ctx.now,
      );
      if (mutationId === null) return fail('not-found', GONE);
      ctx.log.info(`a refused change is sent again as change ${mutationId}`);
      sync.nudge();
      return ok({ mutationId });
    }
    case 'admin.call':
      return runAdminCall(sync, action.args.operation, action.args.input);
    case 'reports.fetch':
      return fetchReports(sync, action.args);
    case 'history.search':
      return searchServerHistory(sync, ctx.db, action.args);
    case 'history.open':
      return openFromHistory(
        {
          db: ctx.db,
          sync,
          now: ctx.now,
          rules: async () => {
            const directory = await ctx.directory();
            return typeof directory === 'string' ? directory : directory.rules;
          },
        },
        action.args,
      );
    case 'admin.import':
      if (!(action.args.file instanceof Blob))
        return fail('invalid-input', 'Choose a file to import.');
      return uploadImportFile({ fetch: (input, init) => fetch(input, init) }, sync, {
        ...action.args,
        file: action.args.file,
      });
    case 'sync.discard': {
      const discarded = await discardRefused(ctx.db, action.args.id);
      if (discarded) ctx.log.info(`a refused change was discarded (${action.args.id})`);
      return discarded ? ok({ id: action.args.id }) : fail('not-found', GONE);
    }
  }
}

type TemplateAction = Extract<
  ParsedAction,
  { name: 'template.save' | 'template.rename' | 'template.delete' }
>;

/** The agent's own templates are kept on the desk (a local desk too); a sync sends them. */
async function runTemplateAction(
  ctx: ActionContext,
  action: TemplateAction,
): Promise<StoreResult<unknown>> {
  const directory = await ctx.directory();
  if (typeof directory === 'string') return fail('not-ready', directory);
  const deps = { db: ctx.db, agentId: ctx.agentId(), directory, now: ctx.now };
  const answer =
    action.name === 'template.save'
      ? await saveOwnTemplate(deps, action.args)
      : action.name === 'template.rename'
        ? await renameOwnTemplate(deps, action.args.id, action.args.name)
        : await deleteOwnTemplate(deps, action.args.id);
  if (answer.ok) ctx.sync?.nudge();
  return answer;
}
