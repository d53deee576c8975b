// The three best knowledge articles beside the interaction form, updated as the agent types the
// Short description or picks a Component (answered offline by the store host); Alt+1, Alt+2 and
// Alt+3 open one. Never changes the interaction itself: the article dialog does that through the form.

import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from '../hooks/use-live-query';
import type { InteractionFormModel } from '../interaction-form/use-interaction-form';
import { ArticleDialog } from './article-dialog';

const NO_DIGIT = -1;
/** Alt+1…3 by the physical key, so a layout that types other characters with Alt still works. */
const digitOf = (event: KeyboardEvent): number => {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return NO_DIGIT;
  const match = /^Digit([1-3])$/.exec(event.code);
  return match ? Number(match[1]) - 1 : NO_DIGIT;
};

export function ArticleSuggestions({ model }: { model: InteractionFormModel }) {
  const headingId = useId();
  const text = useDeferredValue(model.values.shortDescription);
  const componentId = model.values.component;
  const asked = text.trim().length >= 2 || componentId !== null;
  const result = useLiveQuery(
    'knowledge.suggest',
    asked ? { text: text.slice(0, 200), componentId, limit: 3 } : null,
  );
  const suggestions = result?.ok ? result.value : [];
  const [openId, setOpenId] = useState<string | null>(null);

  const shown = useRef(suggestions);
  useEffect(() => {
    shown.current = suggestions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const n = digitOf(event);
      const picked = shown.current[n];
      if (n === NO_DIGIT || !picked) return;
      event.preventDefault();
      setOpenId(picked.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <section className="related-list article-suggestions" aria-labelledby={headingId}>
      <h3 id={headingId}>Knowledge</h3>
      {!asked ? (
        <p className="muted">Type the Short description or pick a Component to see articles.</p>
      ) : result && !result.ok ? (
        <p className="error-text">{result.error.message}</p>
      ) : suggestions.length === 0 ? (
        <p className="muted">No article matches yet.</p>
      ) : (
        <ol className="article-suggestion-list">
          {suggestions.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="button"
                aria-keyshortcuts={`Alt+${i + 1}`}
                onClick={() => setOpenId(s.id)}
              >
                {s.title}
              </button>{' '}
              <kbd className="muted">Alt+{i + 1}</kbd>
            </li>
          ))}
        </ol>
      )}
      {openId && <ArticleDialog id={openId} model={model} onClose={() => setOpenId(null)} />}
    </section>
  );
}
