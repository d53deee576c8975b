// The Knowledge editor: one article's title, Markdown body (with its preview, rendered as desks
// render it), keywords, configuration item classes and valid until, with the buttons its state
// allows — Save draft, Submit for review, Publish, Retire — a line saying what each did or why it
// was refused, and the kept revisions. Checks with the shared schema first; the review rules are
// the server's.

import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { KnowledgeAdminView } from '../../../shared/admin/knowledge';
import { ARTICLE_BODY_MAX } from '../../../shared/domain/knowledge';
import type { StoreResult } from '../../../shared/domain/result';
import { useUnloadWarning } from '../../app/use-unload-warning';
import { FormField } from '../../interaction-form/form-field';
import { ArticleMarkdown } from '../../knowledge/article-markdown';
import { useAdminCall, useAdminQuery } from '../admin-client';
import {
  articleOf,
  checkDraft,
  draftOf,
  emptyDraft,
  savedText,
  stateText,
  topLevel,
  type ArticleDraft,
} from './knowledge-draft';
import { KnowledgeHistory } from './knowledge-history';
import { LeaveArticleDialog } from './leave-article-dialog';

interface KnowledgeEditorProps {
  /** The article as saved; null for a new one (`newId` names it). */
  view: KnowledgeAdminView | null;
  newId: string;
  onClose: () => void;
}

type Message = { text: string; alert: boolean } | null;

const count = (n: number) => n.toLocaleString('en');

export function KnowledgeEditor({ view, newId, onClose }: KnowledgeEditorProps) {
  const baseId = useId();
  const idOf = (key: string) => `${baseId}-${key}`;
  const call = useAdminCall();
  const known = useAdminQuery('knowledge.classes', {});
  const [saved, setSaved] = useState<KnowledgeAdminView | null>(view);
  const [draft, setDraft] = useState<ArticleDraft>(() =>
    view ? draftOf(view.article) : emptyDraft(newId),
  );
  const [dirty, setDirty] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [focusProblem, setFocusProblem] = useState(0);
  const [leaving, setLeaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useUnloadWarning(dirty);

  const checked = useMemo(() => checkDraft(draft), [draft]);
  const errors: Record<string, string> = showProblems
    ? { ...serverErrors, ...(checked.ok ? {} : checked.fieldErrors) }
    : {};

  useEffect(() => {
    if (focusProblem === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusProblem]);

  const edit = (next: Partial<ArticleDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setDirty(true);
    setServerErrors({});
  };

  /** Shows the answer: the view and `done`, or the server's refusal and which fields it named. */
  const finish = (result: StoreResult<KnowledgeAdminView>, done: string): boolean => {
    setBusy(false);
    if (!result.ok) {
      setServerErrors(topLevel(result.error.fieldErrors));
      setShowProblems(true);
      setMessage({ text: result.error.message, alert: true });
      setFocusProblem((n) => n + 1);
      return false;
    }
    setSaved(result.value);
    setDraft(draftOf(result.value.article));
    setDirty(false);
    setServerErrors({});
    setMessage({ text: done, alert: false });
    return true;
  };

  /**
   * Saves when there is something to save, saying `done` of the answer; false when the article has
   * problems (each said by its field, focus on the first) or the server refused it.
   */
  const saveFirst = async (done: (after: KnowledgeAdminView) => string): Promise<boolean> => {
    if (!dirty && saved) return true;
    if (!checked.ok) {
      setShowProblems(true);
      const n = Object.keys(checked.fieldErrors).length;
      setMessage({
        text: `Not saved. Check the article: ${n} ${n === 1 ? 'thing needs' : 'things need'} fixing.`,
        alert: true,
      });
      setFocusProblem((f) => f + 1);
      return false;
    }
    setBusy(true);
    const result = await call('knowledge.save', articleOf(draft));
    return finish(result, result.ok ? done(result.value) : '');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!dirty && saved) {
      setMessage({ text: 'Nothing to save: no changes since the last save.', alert: false });
      return;
    }
    const before = saved;
    await saveFirst((after) => savedText(before, after));
  };

  const submit = async () => {
    if (busy || !(await saveFirst(() => ''))) return;
    setBusy(true);
    finish(
      await call('knowledge.submit', { id: draft.id }),
      'Submitted for review: a technician or administrator can publish it now.',
    );
  };

  const publish = async () => {
    if (busy) return;
    if (dirty) {
      setMessage({
        text: 'Not published: this article has changes that are not saved. Save draft and submit them for review first.',
        alert: true,
      });
      return;
    }
    setBusy(true);
    const result = await call('knowledge.publish', { id: draft.id });
    finish(
      result,
      result.ok
        ? `Published revision ${result.value.revision}: desks suggest it from their next directory sync.`
        : '',
    );
  };

  const retire = async () => {
    if (busy) return;
    setBusy(true);
    finish(
      await call('knowledge.retire', { id: draft.id }),
      'Retired: desks stop suggesting it at their next directory sync. Its revisions are kept.',
    );
  };

  const classes = [...new Set([...(known.value?.classes ?? []), ...draft.ciClasses])].sort();
  const state = saved?.state ?? null;
  const editedToo = dirty && saved !== null;
  return (
    <div className="knowledge-editor">
      <div>
        <form
          ref={formRef}
          className="catalog-form"
          noValidate
          aria-labelledby={idOf('heading')}
          onSubmit={(e) => void save(e)}
        >
          <h3 id={idOf('heading')}>{saved?.article.title ?? 'New article'}</h3>
          <p className="muted">
            State:{' '}
            {saved
              ? `${stateText(saved.state, saved.revision, saved.publishedRevision)} · revision ${saved.revision}`
              : 'New, not saved yet'}
            {editedToo && ' · changes not saved'}
          </p>
          <p
            className={message?.alert ? 'form-error' : 'muted'}
            role={message?.alert ? 'alert' : 'status'}
          >
            {message?.text}
          </p>
          <FormField id={idOf('title')} label="Title" error={errors.title}>
            {(control) => (
              <input
                {...control}
                aria-required
                value={draft.title}
                onChange={(e) => edit({ title: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            id={idOf('body')}
            label="Body"
            error={errors.body}
            hint={`Markdown: ## heading, **bold**, *italic*, \`code\`, lists (1. or -), [a link](https://…). ${count(draft.body.length)} of ${count(ARTICLE_BODY_MAX)} characters.`}
          >
            {(control) => (
              <textarea
                {...control}
                aria-required
                rows={12}
                value={draft.body}
                onChange={(e) => edit({ body: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            id={idOf('keywords')}
            label="Keywords"
            error={errors.keywords}
            hint="Separated by commas: words agents type that the title does not say."
          >
            {(control) => (
              <input
                {...control}
                value={draft.keywords}
                onChange={(e) => edit({ keywords: e.target.value })}
              />
            )}
          </FormField>
          <fieldset
            className="knowledge-classes"
            aria-describedby={
              errors.ciClasses
                ? `${idOf('classes-error')} ${idOf('classes-hint')}`
                : idOf('classes-hint')
            }
          >
            <legend>Configuration item classes</legend>
            <p id={idOf('classes-hint')} className="field-hint">
              Agents who pick a Component of these classes see the article first.
            </p>
            {errors.ciClasses && (
              <p id={idOf('classes-error')} className="field-error">
                {errors.ciClasses}
              </p>
            )}
            {classes.length === 0 && (
              <p className="muted">
                {known.status === 'loading'
                  ? 'Loading the classes…'
                  : (known.error?.message ?? 'The directory has no configuration items yet.')}
              </p>
            )}
            {classes.map((name) => (
              <label key={name} className="check">
                <input
                  type="checkbox"
                  checked={draft.ciClasses.includes(name)}
                  onChange={(e) =>
                    edit({
                      ciClasses: e.target.checked
                        ? [...draft.ciClasses, name]
                        : draft.ciClasses.filter((c) => c !== name),
                    })
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
          <FormField
            id={idOf('valid-until')}
            label="Valid until"
            error={errors.validUntil}
            hint="After this day desks stop suggesting it. Leave it empty to keep it."
          >
            {(control) => (
              <input
                {...control}
                type="date"
                value={draft.validUntil}
                onChange={(e) => edit({ validUntil: e.target.value })}
              />
            )}
          </FormField>
          <div className="actions actions--end">
            <button type="submit" className="button" aria-disabled={busy}>
              Save draft
            </button>
            {(state === null || state === 'draft' || dirty) && (
              <button
                type="button"
                className="button"
                aria-disabled={busy}
                onClick={() => void submit()}
              >
                Submit for review
              </button>
            )}
            {state === 'in-review' && (
              <button
                type="button"
                className="button button--primary"
                aria-disabled={busy}
                onClick={() => void publish()}
              >
                Publish
              </button>
            )}
            {saved?.publishedRevision != null && (
              <button
                type="button"
                className="button"
                aria-disabled={busy}
                onClick={() => void retire()}
              >
                Retire
              </button>
            )}
            <button
              type="button"
              className="button"
              onClick={() => (dirty ? setLeaving(true) : onClose())}
            >
              Back to the articles
            </button>
          </div>
        </form>
        {saved && <KnowledgeHistory view={saved} />}
      </div>
      {leaving && (
        <LeaveArticleDialog onDiscard={onClose} onKeepEditing={() => setLeaving(false)} />
      )}
      <section className="catalog-preview" aria-labelledby={idOf('preview')}>
        <h3 id={idOf('preview')}>Preview</h3>
        <p className="muted">As agents see it beside the interaction form.</p>
        {draft.title.trim() && <h4>{draft.title.trim()}</h4>}
        {draft.body.trim() ? (
          <ArticleMarkdown markdown={draft.body} />
        ) : (
          <p className="muted">The body is empty.</p>
        )}
      </section>
    </div>
  );
}
