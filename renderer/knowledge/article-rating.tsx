// Whether the article helped, from the agent who read it: Helpful, Not helpful, or Outdated with an
// optional short comment, sent as knowledge.rate (kept on the desk, pushed when online), and what
// this agent said of this revision, said back. Never writes but through that command.

import { useId, useRef, useState, type FormEvent } from 'react';
import {
  RATING_COMMENT_MAX,
  VERDICT_LABELS,
  VERDICT_SAID,
  type ArticleVerdict,
} from '../../shared/domain/article-rating';
import { useDeskpad } from '../app/deskpad-context';
import { FormField } from '../interaction-form/form-field';
import { useLiveQuery } from '../hooks/use-live-query';

export function ArticleRating({ id, revision }: { id: string; revision: number }) {
  const { store } = useDeskpad();
  const mine = useLiveQuery('knowledge.myRating', { id, revision });
  const said = mine?.ok ? mine.value : null;
  const [outdating, setOutdating] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const commentRef = useRef<HTMLInputElement>(null);
  const uid = useId();

  const rate = async (verdict: ArticleVerdict, text = '') => {
    const answer = await store.command('knowledge.rate', { id, revision, verdict, comment: text });
    if (!answer.ok) {
      setError(Object.values(answer.error.fieldErrors ?? {})[0] ?? answer.error.message);
      return;
    }
    setError(null);
    setOutdating(false);
    setComment('');
  };

  const flag = (e: FormEvent) => {
    e.preventDefault();
    void rate('outdated', comment);
  };

  const button = (verdict: ArticleVerdict, onClick: () => void) => (
    <button
      type="button"
      className="button"
      aria-pressed={said?.verdict === verdict}
      onClick={onClick}
    >
      {VERDICT_LABELS[verdict]}
    </button>
  );

  return (
    <section className="article-rating" aria-labelledby={`${uid}-title`}>
      <p id={`${uid}-title`} className="article-rating-question">
        Did this article help?
      </p>
      <div className="actions" role="group" aria-labelledby={`${uid}-title`}>
        {button('helpful', () => void rate('helpful'))}
        {button('not-helpful', () => void rate('not-helpful'))}
        {button('outdated', () => {
          setOutdating(true);
          setComment(said?.verdict === 'outdated' ? (said.comment ?? '') : '');
          // The field is shown on this render: focus it once it is there.
          setTimeout(() => commentRef.current?.focus(), 0);
        })}
      </div>
      {outdating && (
        <form className="article-rating-outdated" onSubmit={flag} noValidate>
          <FormField
            id={`${uid}-comment`}
            label="What has changed? (optional)"
            hint={`For the author, at most ${RATING_COMMENT_MAX} characters, e.g. “the menu is now called Printers & scanners”.`}
            error={error ?? undefined}
          >
            {(props) => (
              <input
                {...props}
                ref={commentRef}
                type="text"
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </FormField>
          <div className="actions">
            <button type="submit" className="button button--primary">
              Flag as outdated
            </button>
            <button type="button" className="button" onClick={() => setOutdating(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <p className="muted" role="status">
        {said ? VERDICT_SAID[said.verdict] : ''}
        {said?.comment ? ` “${said.comment}”` : ''}
      </p>
      {error && !outdating && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
