// Hands the escalation screens their port, clock and id generator through React context, so a
// test passes a fake and the app the real store client. Never creates them itself.

import { createContext, useContext } from 'react';
import type { EscalationPort } from './escalation-port';

export interface EscalationDeps {
  port: EscalationPort;
  /** Record and work-note ids, chosen when a dialog opens so a retried Submit is one record. */
  newId: () => string;
  now: () => Date;
}

export const EscalationContext = createContext<EscalationDeps | null>(null);

export function useEscalation(): EscalationDeps {
  const deps = useContext(EscalationContext);
  if (!deps) throw new Error('Escalation screens must be rendered inside <EscalationContext>.');
  return deps;
}
