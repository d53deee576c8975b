// Shows problems the store host reports on its own (not answers to a command), e.g. a database
// it cannot open. Never retries anything itself.

import { useEffect, useState } from 'react';
import { useStoreHost } from './deskpad-context';

export function StoreErrors() {
  const store = useStoreHost();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    let stop: (() => void) | null = null;
    void store
      .onEvent((event) => {
        if (active && event.type === 'store-error') setMessage(event.message);
      })
      .then((off) => {
        if (active) stop = off;
        else off();
      });
    return () => {
      active = false;
      stop?.();
    };
  }, [store]);
  if (!message) return null;
  return (
    <div className="store-error" role="alert">
      <p>{message}</p>
      <button type="button" className="button button--quiet" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </div>
  );
}
