// A modal dialog the way the renderer does them: named by its heading, shown above the window (a
// portal) which is inert meanwhile, focus starts on a chosen control, Tab stays inside, Escape
// cancels, and focus goes back to where it was if nothing took it. Never decides what its buttons do.

import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { useModalLayer } from './modal-layer';

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
  /** A form with many fields (Report an Issue, Create Request): wider, and it scrolls inside. */
  wide?: boolean;
  children: ReactNode;
}

export function ModalDialog({
  title,
  onCancel,
  initialFocus,
  describedBy,
  wide = false,
  children,
}: ModalDialogProps) {
  const headingId = useId();
  const layer = useModalLayer();
  const opener = useRef<Element | null>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useLayoutEffect(() => {
    opener.current ??= document.activeElement;
    initialFocus.current?.focus();
  }, [initialFocus]);

  // Layout effects: the window is inert before the first key reaches it, and no longer inert by
  // the time the passive cleanup below gives focus back.
  useLayoutEffect(() => layer?.hold(), [layer]);

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
      // A lookup's menu inside the dialog closes first: its Escape is taken (default prevented).
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      cancel.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return createPortal(
    <div className="dialog-backdrop">
      <div
        className={wide ? 'dialog dialog--wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={describedBy}
        onKeyDown={keepFocusInside}
      >
        <h2 id={headingId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
