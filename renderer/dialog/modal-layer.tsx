// Which window part a modal dialog makes inert while it is open, and whether any dialog is open:
// the app provides it; a dialog holds it while mounted. Never renders anything itself.

import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';

export interface ModalLayer {
  /** Makes the window inert at once; the answer gives it back when the last dialog closes. */
  hold(): () => void;
}

export const ModalLayerContext = createContext<ModalLayer | null>(null);

export const useModalLayer = (): ModalLayer | null => useContext(ModalLayerContext);

/**
 * The layer for one window part. Inert is set on the element directly, not through a render: a
 * dialog's focus return runs before React would render again, and focus cannot enter an inert part.
 */
export function useModalLayerFor(part: RefObject<HTMLElement | null>): {
  layer: ModalLayer;
  dialogOpen: boolean;
} {
  const held = useRef(0);
  const [dialogOpen, setDialogOpen] = useState(false);
  const hold = useCallback(() => {
    held.current += 1;
    part.current?.setAttribute('inert', '');
    setDialogOpen(true);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.current -= 1;
      if (held.current > 0) return;
      part.current?.removeAttribute('inert');
      setDialogOpen(false);
    };
  }, [part]);
  const layer = useMemo(() => ({ hold }), [hold]);
  return { layer, dialogOpen };
}
