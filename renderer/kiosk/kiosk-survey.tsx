// The exit survey for a finished visit checked in at this kiosk: one tap from 1 to 5 sends it,
// with the comment typed above if any. Once per visit; "Not now" leaves it for good.

import { useId, useState } from 'react';
import type { KioskVisitStatus } from '../../shared/sync/walk-up-api';
import { SURVEY_COMMENT_MAX } from '../../shared/domain/visit';
import type { KioskAnswer, KioskApi } from './kiosk-api';
import { RATINGS } from './kiosk-words';

interface KioskSurveyProps {
  api: KioskApi;
  visit: KioskVisitStatus;
  onAnswer: (answer: KioskAnswer<unknown>) => void;
  /** Sent, or left: either way this visit is not asked about again. */
  onClosed: (visitId: string) => void;
}

export function KioskSurvey({ api, visit, onAnswer, onClosed }: KioskSurveyProps) {
  const id = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [thanked, setThanked] = useState(false);

  const rate = async (rating: number) => {
    if (busy) return;
    setBusy(true);
    const answer = await api.survey(visit.id, { rating, comment: comment.trim() });
    setBusy(false);
    onAnswer(answer);
    if (answer.ok || (answer.ok === false && answer.kind === 'refused')) {
      if (!answer.ok) setError(answer.message);
      setThanked(true);
      return;
    }
    setError(answer.message);
  };

  if (thanked)
    return (
      <section className="kiosk-panel" aria-labelledby={`${id}-thanks`}>
        <h1 id={`${id}-thanks`}>Thank you!</h1>
        {error ? <p>{error}</p> : <p>Your answer helps the desk serve you better.</p>}
        <button
          type="button"
          className="kiosk-button kiosk-primary"
          onClick={() => onClosed(visit.id)}
        >
          Done
        </button>
      </section>
    );

  return (
    <section className="kiosk-panel kiosk-survey" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>How was your visit?</h1>
      <p className="kiosk-intro">
        {visit.greeting}. Your visit {visit.number} is done: tap how it went.
      </p>
      <label htmlFor={`${id}-comment`}>Anything to add? (optional)</label>
      <textarea
        id={`${id}-comment`}
        className="kiosk-input"
        rows={2}
        maxLength={SURVEY_COMMENT_MAX}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      {error && (
        <p className="kiosk-error" role="alert">
          {error}
        </p>
      )}
      <div className="kiosk-ratings" role="group" aria-label="Your rating, from 1 to 5">
        {RATINGS.map(({ rating, word }) => (
          <button
            key={rating}
            type="button"
            className="kiosk-button kiosk-rating"
            disabled={busy}
            onClick={() => void rate(rating)}
          >
            <span className="kiosk-rating-number">{rating}</span>{' '}
            <span className="kiosk-rating-word">{word}</span>
          </button>
        ))}
      </div>
      <button type="button" className="kiosk-button" onClick={() => onClosed(visit.id)}>
        Not now
      </button>
    </section>
  );
}
