// The three best knowledge articles beside the interaction form, updated as the agent types the
// Short description or picks a Component (answered offline by the store host); Alt+1, Alt+2 and
// Alt+3 open one. Never changes the interaction itself: the article dialog does that through the form.

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { StoreResult } from '../../shared/domain/result';
import type { ArticleSuggestion } from '../../shared/store-api/knowledge-contract';
import { useStoreHost } from '../app/deskpad-context';
import type { LookupInstrument } from '../lookup/use-lookup-search';
import type { InteractionFormModel } from '../interaction-form/use-interaction-form';
import { ArticleDialog } from './article-dialog';

/** The names the benchmark reads: Short description's input event → the suggestions for it shown. */
export const KNOWLEDGE_INSTRUMENT: LookupInstrument = {
  inputMark: 'knowledge:input',
  renderMeasure: 'knowledge:keystroke-to-render',
};

const NONE: readonly ArticleSuggestion[] = [];
const NO_DIGIT = -1;
/** Alt+1…3 by the physical key, so a layout that types other characters with Alt still works. */
const digitOf = (event: KeyboardEvent): number => {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return NO_DIGIT;
  const match = /^Digit([1-3])$/.exec(event.code);
  return match ? Number(match[1]) - 1 : NO_DIGIT;
};

export function ArticleSuggestions({ model }: { model: InteractionFormModel }) {
  const headingId = useId();
  const store = useStoreHost();
  const text = model.values.shortDescription;
  const componentId = model.values.component;
  const asked = text.trim().length >= 2 || componentId !== null;
  const question = asked ? { text: text.slice(0, 200), componentId, limit: 3 } : null;
  const key = question === null ? null : JSON.stringify(question);
  const [answer, setAnswer] = useState<{
    key: string;
    result: StoreResult<ArticleSuggestion[]>;
  } | null>(null);
  // One question per keystroke (not a live query: no subscription to set up and tear down each
  // key); an answer for a text typed over is dropped, and the latest is drawn in its own task.
  useEffect(() => {
    if (question === null || key === null) return undefined;
    let current = true;
    void store.query('knowledge.suggest', question).then((result) => {
      if (current) flushSync(() => setAnswer({ key, result }));
    });
    return () => {
      current = false;
    };
    // `key` stands for the question.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);
  const result = answer !== null && answer.key === key ? answer.result : undefined;
  // While the next text's answer is on its way, the last ones stay: the list never blinks empty.
  const fresh = !asked ? NONE : result?.ok ? result.value : null;
  const [kept, setKept] = useState<readonly ArticleSuggestion[]>(NONE);
  if (fresh !== null && fresh !== kept) setKept(fresh);
  const suggestions = fresh ?? kept;
  const [openId, setOpenId] = useState<string | null>(null);

  // The suggestions for the text as typed are drawn: that keystroke is answered.
  useLayoutEffect(() => {
    const { inputMark, renderMeasure } = KNOWLEDGE_INSTRUMENT;
    if (performance.getEntriesByName(inputMark, 'mark').length === 0) return;
    if (!asked) performance.clearMarks(inputMark);
    else if (result !== undefined) {
      performance.measure(renderMeasure, inputMark);
      performance.clearMarks(inputMark);
    }
  }, [asked, result]);

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
