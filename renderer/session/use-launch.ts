// Whether the window's launch link (`/#launch=`) is still being exchanged, and the refusal to show on
// Sign in when it was. Never exchanges anything itself: mount.tsx started it once.

import { useEffect, useState } from 'react';
import { useDeskpad } from '../app/deskpad-context';

export interface LaunchProgress {
  pending: boolean;
  /** Why the link did not sign anyone in, in the agent's words; null when it did or there was none. */
  refused: string | null;
}

export function useLaunch(): LaunchProgress {
  const { launch } = useDeskpad();
  const [progress, setProgress] = useState<LaunchProgress>({
    pending: launch !== undefined,
    refused: null,
  });
  useEffect(() => {
    if (!launch) return;
    let current = true;
    void launch.then(
      (answer) => {
        if (current)
          setProgress({ pending: false, refused: answer.ok ? null : answer.error.message });
      },
      (error: unknown) => {
        if (current)
          setProgress({
            pending: false,
            refused: `The launch link did not work: ${String(error)}`,
          });
      },
    );
    return () => {
      current = false;
    };
  }, [launch]);
  return progress;
}
