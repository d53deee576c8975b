// Asks the desk server's history search for what is typed in Go to anything, a moment after the
// typing stops and only while the desk is online; offline it says older records are not here.
// Keeps only the answer to the text shown, so a slow early answer never replaces a later one.

import { useEffect, useState } from 'react';
import { dataScopeOf } from '../../shared/commands/permission';
import { asksHistory } from '../../shared/domain/history-search';
import type { HistoryHitView } from '../../shared/store-api/history-contract';
import { useDeskpad } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';

/** How long the typing must rest before the server is asked (the desk's own answer is instant). */
export const HISTORY_DELAY_MS = 250;
export const HISTORY_LIMIT = 10;

export type HistorySearchState =
  /** Nothing to ask: no text, a desk without a desk server, or a role that may not read it. */
  | { status: 'idle' }
  | { status: 'offline' }
  | { status: 'searching'; query: string }
  | { status: 'done'; query: string; hits: HistoryHitView[] }
  | { status: 'failed'; query: string; message: string };

const IDLE: HistorySearchState = { status: 'idle' };

export function useHistorySearch(text: string): HistorySearchState {
  const { store } = useDeskpad();
  const session = useLiveValue('session.state', {}, null);
  const connection = useLiveValue('sync.status', {}, null)?.connection ?? null;
  const query = text.trim();
  // The history is the read API's, for the roles that see every record (not a technician's).
  const hasServer =
    session?.status === 'signed-in' &&
    session.agent !== null &&
    dataScopeOf(session.agent.roles) === 'everything';
  const offline = connection === 'offline';
  const wanted = hasServer && !offline && asksHistory(query);
  const [answer, setAnswer] = useState<HistorySearchState>(IDLE);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      // Asked again for the same text (the connection came back, say): its rows stay shown, and
      // Enter on them still works, until the new answer replaces them.
      setAnswer((before) =>
        before.status === 'done' && before.query === query
          ? before
          : { status: 'searching', query },
      );
      void store.act('history.search', { query, limit: HISTORY_LIMIT }).then((found) => {
        if (!current) return;
        setAnswer(
          found.ok
            ? { status: 'done', query, hits: found.value.hits }
            : { status: 'failed', query, message: found.error.message },
        );
      });
    }, HISTORY_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [store, query, wanted]);

  if (!hasServer || query === '') return IDLE;
  if (offline) return asksHistory(query) ? { status: 'offline' } : IDLE;
  if (!wanted) return IDLE;
  // An answer to an earlier text is not this text's: still searching until this one's comes.
  return 'query' in answer && answer.query === query ? answer : { status: 'searching', query };
}
