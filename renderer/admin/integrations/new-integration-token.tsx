// The one time a new integration's token is shown: its full endpoint address to paste into the
// phone system, a Copy button and Done. Never keeps the token once dismissed.

import { useEffect, useId, useRef, useState } from 'react';
import type { IntegrationCreated } from '../../../shared/admin/integrations';

interface NewIntegrationTokenProps {
  created: IntegrationCreated;
  onDone: () => void;
}

export function NewIntegrationToken({ created, onDone }: NewIntegrationTokenProps) {
  const id = useId();
  const [copied, setCopied] = useState('');
  const address = useRef<HTMLInputElement>(null);
  useEffect(() => {
    address.current?.focus();
    address.current?.select();
  }, []);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(created.endpointUrl);
      setCopied('Copied. Paste it into the phone system as its generic CTI address.');
    } catch {
      address.current?.select();
      setCopied(
        'This window may not use the clipboard: the address is selected, copy it with Ctrl+C.',
      );
    }
  };

  return (
    <section className="admin-form integration-token" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{created.integration.name} is ready</h3>
      <p id={`${id}-hint`}>
        Paste this address into the phone system. It is shown only now: Deskpad keeps no copy of its
        token. If it is lost, revoke this integration and create a new one.
      </p>
      <label htmlFor={`${id}-url`}>Endpoint address</label>
      <input
        id={`${id}-url`}
        ref={address}
        className="integration-token-url"
        readOnly
        value={created.endpointUrl}
        aria-describedby={`${id}-hint`}
        spellCheck={false}
      />
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy address
        </button>
        <button type="button" className="button" onClick={onDone}>
          Done
        </button>
      </div>
      <p role="status" className="muted">
        {copied}
      </p>
    </section>
  );
}
