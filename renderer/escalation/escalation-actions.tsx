// The escalation buttons of an open interaction (Create Incident, Create Request, Find existing
// incidents) and the dialogs they lead through. Never closes the interaction without the agent's choice.

import { useEffect, useRef, useState } from 'react';
import { escalationBlocker } from '../../shared/domain/escalation';
import { isClosed } from '../../shared/domain/interaction';
import type { InteractionView } from '../../shared/store-api/contract';
import { AssignFirstDialog } from './assign-first-dialog';
import { CloseInteractionQuestion } from './close-interaction-question';
import { CreateRequestDialog } from './create-request-dialog';
import { FindExistingIncidents } from './find-existing-incidents';
import { ReportIssueDialog } from './report-issue-dialog';

type Escalation = 'incident' | 'request';
type Step =
  | { kind: 'assign-first'; next: Escalation; reason: string }
  | { kind: 'report' }
  | { kind: 'request' }
  | { kind: 'find' }
  | { kind: 'close-question'; made: string };

interface EscalationActionsProps {
  interaction: InteractionView;
  /** After the agent chose to close the interaction from the question. */
  onInteractionClosed?: () => void;
}

const focusIsLost = (): boolean => {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
};

export function EscalationActions({ interaction, onInteractionClosed }: EscalationActionsProps) {
  const [step, setStep] = useState<Step | null>(null);
  // Assign to me answers a fresher record than the one the form passed, until the form catches up.
  const [fresher, setFresher] = useState<InteractionView | null>(null);
  const current =
    fresher && fresher.id === interaction.id && fresher.updatedAt >= interaction.updatedAt
      ? fresher
      : interaction;
  const [message, setMessage] = useState<{ seq: number; text: string } | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);

  // A flow that went through several dialogs ends where it started: on the button pressed.
  useEffect(() => {
    if (step === null && focusIsLost()) trigger.current?.focus();
  }, [step]);

  const announce = (text: string) => setMessage((m) => ({ seq: (m?.seq ?? 0) + 1, text }));

  const start = (next: Escalation, button?: HTMLButtonElement) => {
    if (button) trigger.current = button;
    const reason = escalationBlocker(current);
    if (reason) setStep({ kind: 'assign-first', next, reason });
    else setStep({ kind: next === 'incident' ? 'report' : 'request' });
  };

  return (
    <div className="escalation-actions">
      {!isClosed(current.state) && (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={(e) => start('incident', e.currentTarget)}
          >
            Create Incident
          </button>
          <button
            type="button"
            className="button"
            onClick={(e) => start('request', e.currentTarget)}
          >
            Create Request
          </button>
          <button
            type="button"
            className="button"
            onClick={(e) => {
              trigger.current = e.currentTarget;
              setStep({ kind: 'find' });
            }}
          >
            Find existing incidents
          </button>
        </div>
      )}
      <p className="save-message" role="status" aria-atomic="true">
        {message && <span key={message.seq}>{message.text}</span>}
      </p>

      {step?.kind === 'assign-first' && (
        <AssignFirstDialog
          interaction={current}
          reason={step.reason}
          onAssigned={
            isClosed(current.state)
              ? null
              : (assigned) => {
                  setFresher(assigned);
                  setStep({ kind: step.next === 'incident' ? 'report' : 'request' });
                }
          }
          onCancel={() => setStep(null)}
        />
      )}
      {step?.kind === 'report' && (
        <ReportIssueDialog
          interaction={current}
          onCancel={() => setStep(null)}
          onCreated={(incident) =>
            setStep({ kind: 'close-question', made: `Incident ${incident.number} was created.` })
          }
        />
      )}
      {step?.kind === 'request' && (
        <CreateRequestDialog
          interaction={current}
          onCancel={() => setStep(null)}
          onCreated={(request) =>
            setStep({ kind: 'close-question', made: `Request ${request.number} was created.` })
          }
        />
      )}
      {step?.kind === 'find' && (
        <FindExistingIncidents
          interaction={current}
          onCancel={() => setStep(null)}
          onRegisterNew={() => start('incident')}
          onAssociated={(incident) => {
            setStep(null);
            announce(
              `Associated with ${incident.number}: ${incident.affectedCallers} ${
                incident.affectedCallers === 1 ? 'caller' : 'callers'
              } affected. The interaction stays open for the callback.`,
            );
          }}
        />
      )}
      {step?.kind === 'close-question' && (
        <CloseInteractionQuestion
          interaction={current}
          made={step.made}
          onDone={(closed) => {
            setStep(null);
            announce(closed ? `${step.made} Interaction ${current.number} is closed.` : step.made);
            if (closed) onInteractionClosed?.();
          }}
        />
      )}
    </div>
  );
}
