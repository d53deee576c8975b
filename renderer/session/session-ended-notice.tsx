// The line under the banner once the session ended by itself (expired or revoked): the work goes on
// here, and Sign in is one key away. Always in the page, so the words are announced when they come.

import { useId } from 'react';
import { SESSION_WORDS } from './session-end';

export function SessionEndedNotice({ ended, onSignIn }: { ended: boolean; onSignIn: () => void }) {
  const textId = useId();
  return (
    <div className={ended ? 'session-ended' : undefined}>
      {/* A live region already in the page is announced when its words arrive; a new one often is not. */}
      <p id={textId} role="status">
        {ended ? SESSION_WORDS.ended : ''}
      </p>
      {ended && (
        <button
          type="button"
          className="button button--primary"
          aria-describedby={textId}
          onClick={onSignIn}
        >
          Sign in
        </button>
      )}
    </div>
  );
}
