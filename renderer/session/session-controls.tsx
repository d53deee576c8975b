// The banner's account part: who works at this desk ("Signed in as …" and Sign out while a desk
// server session is kept; the agent's name alone on a desk without one). Never signs out by itself.

import type { SessionState } from '../../shared/store-api/contract';
import { useUi } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';

export function SessionControls({ session }: { session: SessionState | null }) {
  const current = useLiveValue('session.current', {}, null);
  const askSignOut = useUi((s) => s.setSignOutAsked);
  if (session?.status === 'signed-in') {
    const name = session.agent?.name ?? current?.agent.name ?? 'an agent';
    return (
      <>
        <span className="agent-name">
          Signed in as <span className="agent-name-value">{name}</span>
        </span>
        <button type="button" className="button button--quiet" onClick={() => askSignOut(true)}>
          Sign out
        </button>
      </>
    );
  }
  // A desk without a desk server works as the demo agent; its name shows once the directory is in.
  return current ? <span className="agent-name">{current.agent.name}</span> : null;
}
