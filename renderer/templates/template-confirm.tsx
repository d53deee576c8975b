// The confirm a template asks before it would change what the agent typed: each field, what it
// holds and what the template would put there. Keep what I typed is the default and Escape cancels;
// never applies anything itself.

import { useId, useRef } from 'react';
import { ModalDialog } from '../dialog/modal-dialog';
import type { ConfirmAnswer, PendingTemplate } from './use-template-apply';

interface TemplateConfirmProps {
  pending: PendingTemplate;
  onAnswer: (choice: ConfirmAnswer) => void;
}

export function TemplateConfirm({ pending, onAnswer }: TemplateConfirmProps) {
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const { template, plan } = pending;
  const fills = Object.keys(plan.fill).filter((k) => k !== 'componentName').length;
  return (
    <ModalDialog
      title={`Apply the template ${template.name}?`}
      onCancel={() => onAnswer('cancel')}
      initialFocus={keepRef}
      describedBy={textId}
      wide
    >
      <p id={textId}>
        You already filled {plan.conflicts.length === 1 ? 'a field' : 'fields'} the template would
        change. What you typed stays unless you choose the template’s.
        {fills > 0 && ' The empty fields are filled either way.'}
      </p>
      <table className="template-changes">
        <caption className="visually-hidden">What the template would change</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">You typed</th>
            <th scope="col">The template has</th>
          </tr>
        </thead>
        <tbody>
          {plan.conflicts.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.label}</th>
              <td>{c.typed}</td>
              <td>{c.template}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions actions--end">
        <button
          type="button"
          className="button button--primary"
          ref={keepRef}
          onClick={() => onAnswer('keep')}
        >
          Keep what I typed
        </button>
        <button type="button" className="button" onClick={() => onAnswer('replace')}>
          Use the template’s
        </button>
        <button type="button" className="button" onClick={() => onAnswer('cancel')}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
