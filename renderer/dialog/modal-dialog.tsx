// A modal dialog the way the renderer does them: named by its heading, focus starts on a chosen
// button, Tab stays inside, Escape cancels, and focus goes back to where it was if nothing took it.
// Never decides what its buttons do; the rest of the window is made inert by the app.

import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

function keepFocusInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Focus is lost when the element holding it left the page (the dialog's own button, closed). */
const focusIsLost = (): boolean => {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
};

interface ModalDialogProps {
  title: string;
  /** Escape: the safe choice (close the help, keep editing). */
  onCancel: () => void;
  /** The button focus starts on. */
  initialFocus: RefObject<HTMLElement | null>;
  /** The id of the text that says what the dialog is about, read with its name. */
  describedBy?: string;
  children: ReactNode;
}

export function ModalDialog({
  title,
  onCancel,
  initialFocus,
  describedBy,
  children,
}: ModalDialogProps) {
  const headingId = useId();
  const opener = useRef<Element | null>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useLayoutEffect(() => {
    opener.current ??= document.activeElement;
    initialFocus.current?.focus();
  }, [initialFocus]);

  // A passive cleanup runs after the commit that removed the dialog, once the window is no longer
  // inert. Whatever took focus meanwhile (a new form's caller lookup) keeps it.
  useEffect(
    () => () => {
      const back = opener.current;
      if (focusIsLost() && back instanceof HTMLElement && back.isConnected) back.focus();
    },
    [],
  );

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      cancel.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={describedBy}
        onKeyDown={keepFocusInside}
      >
        <h2 id={headingId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
