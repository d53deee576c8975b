// Signing in again without leaving the work: after the session ended by itself, or before it ends.
// The workspace stays behind it; Not now and Escape leave everything as it was. Never signs out.

import { useId, useRef } from 'react';
import type { SessionState } from '../../shared/store-api/contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { SignInForm } from './sign-in-form';

interface SignInDialogProps {
  session: SessionState;
  onClose: () => void;
  onSignedIn: () => void;
}

export function SignInDialog({ session, onClose, onSignedIn }: SignInDialogProps) {
  const textId = useId();
  const firstField = useRef<HTMLInputElement>(null);
  return (
    <ModalDialog title="Sign in" onCancel={onClose} initialFocus={firstField} describedBy={textId}>
      <SignInForm
        className="sign-in-dialog-form"
        firstFieldRef={firstField}
        initialUserName={session.agent?.userName ?? ''}
        onSignedIn={onSignedIn}
        header={
          <p id={textId}>
            Sign in to the desk server
            {session.serverUrl && (
              <>
                {' '}
                at <span className="server-url">{session.serverUrl}</span>
              </>
            )}{' '}
            to sync. Everything saved on this desk stays here either way.
          </p>
        }
        actions={
          <button type="button" className="button" onClick={onClose}>
            Not now
          </button>
        }
      />
    </ModalDialog>
  );
}
