// One knowledge article opened beside an interaction: its Markdown shown safely, and two actions
// through the form's own commands: Attach (a work note names the article, saved with the record)
// and Resolved with this (the same note, and the interaction closed Closed Complete with the
// article and its revision recorded on it, synced like every field); and the agent's verdict on
// it (article-rating.tsx). Never writes anything but through the form and that command.

import { useEffect, useRef } from 'react';
import type { PublishedArticle } from '../../shared/domain/knowledge';
import { ModalDialog } from '../dialog/modal-dialog';
import { useLiveQuery } from '../hooks/use-live-query';
import type { InteractionFormModel } from '../interaction-form/use-interaction-form';
import { ArticleMarkdown } from './article-markdown';
import { ArticleRating } from './article-rating';

/** The work note that names the article: its title, id and revision, so the record says which text helped. */
export const articleNote = (article: PublishedArticle, resolved: boolean): string =>
  `${resolved ? 'Resolved with' : 'Attached'} knowledge article ${article.id} (revision ${article.revision}): ${article.title}`;

type After = 'save' | 'close';

export function ArticleDialog({
  id,
  model,
  onClose,
}: {
  id: string;
  model: InteractionFormModel;
  onClose: () => void;
}) {
  const result = useLiveQuery('knowledge.get', { id });
  const article = result?.ok ? result.value : null;
  const attachRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const after = useRef<{ what: After; note: string; article: PublishedArticle } | null>(null);

  // The note is the form's state: the save or close runs once the form holds it.
  useEffect(() => {
    const pending = after.current;
    if (!pending || model.noteText !== pending.note) return;
    after.current = null;
    onClose();
    const { id: articleId, revision } = pending.article;
    void (pending.what === 'save'
      ? model.save()
      : model.close('Closed Complete', { id: articleId, revision }));
  }, [model, onClose]);

  const act = (what: After) => {
    if (!article) return;
    const note = articleNote(article, what === 'close');
    const typed = model.noteText.trim();
    const text = typed === '' ? note : `${typed}\n${note}`;
    after.current = { what, note: text, article };
    model.setNoteText(text);
  };

  return (
    <ModalDialog
      title={article?.title ?? 'Knowledge article'}
      onCancel={onClose}
      initialFocus={article ? attachRef : closeRef}
      wide
    >
      {result === undefined ? (
        <p className="muted">Opening the article…</p>
      ) : !article ? (
        <p className="muted">This article is no longer published on this desk.</p>
      ) : (
        <>
          <p className="muted">
            {article.id}, revision {article.revision}
            {article.validUntil ? `, valid until ${article.validUntil}` : ''}
          </p>
          <ArticleMarkdown markdown={article.body} />
          <ArticleRating id={article.id} revision={article.revision} />
        </>
      )}
      <div className="actions actions--end">
        {article && !model.closed && (
          <>
            <button
              type="button"
              className="button button--primary"
              ref={attachRef}
              onClick={() => act('save')}
            >
              Attach
            </button>
            <button type="button" className="button" onClick={() => act('close')}>
              Resolved with this
            </button>
          </>
        )}
        <button type="button" className="button" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
