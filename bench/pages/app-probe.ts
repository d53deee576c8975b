// Reads what the agent would notice, for the runner: each caller-lookup keystroke-to-render
// measure (set by the renderer) and Ctrl+S until the "Saved …" confirmation. Observes; never clicks.

import * as Comlink from 'comlink';
import type { StorePort } from '../../renderer/mount';
import type { StoreHostApi } from '../../shared/store-api/contract';
import type { AppProbeApi } from '../bench-types';
import { escalationStored, installSubmitTimer } from './escalation-probe';

/** The renderer's measure name (renderer/caller-lookup/caller-lookup.tsx). */
const LOOKUP_MEASURE = 'lookup:keystroke-to-render';
const SAVED = /Saved IMS\S*\d/;

interface Recorded {
  duration: number;
  /** From the key's keydown event (the browser's own timestamp) to the same end. */
  fromKeydown: number;
  query: string;
  options: number;
}

function savedText(doc: Document): string {
  for (const status of doc.querySelectorAll('[role="status"]')) {
    const text = status.textContent ?? '';
    if (SAVED.test(text)) return text;
  }
  return '';
}

/**
 * `openPort` connects to the same store host the app uses (a SharedWorker hands out one port per
 * connection), so the probe can time a search's round trip through the port without rendering.
 */
export function installAppProbe(win: Window, openPort: () => StorePort): void {
  const measures: Recorded[] = [];
  const submit = installSubmitTimer(win);
  let lastKeydown = 0;
  let remote: Comlink.Remote<StoreHostApi> | null = null;
  const save = {
    armed: false,
    before: '',
    start: null as number | null,
    end: null as number | null,
  };

  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName(LOOKUP_MEASURE)) {
      const focused = win.document.activeElement;
      measures.push({
        duration: entry.duration,
        fromKeydown: entry.startTime + entry.duration - lastKeydown,
        query: focused instanceof HTMLInputElement ? focused.value : '',
        options: win.document.querySelectorAll('[role="listbox"] [role="option"]').length,
      });
    }
    // The renderer never clears its measures; the timeline need not keep them all.
    performance.clearMeasures(LOOKUP_MEASURE);
  });

  win.addEventListener(
    'keydown',
    (event) => {
      lastKeydown = event.timeStamp;
      if (save.armed && save.start === null && event.ctrlKey && event.key.toLowerCase() === 's')
        save.start = event.timeStamp;
    },
    { capture: true },
  );
  const confirmations = new MutationObserver(() => {
    if (!save.armed || save.start === null || save.end !== null) return;
    const text = savedText(win.document);
    if (text !== '' && text !== save.before) save.end = performance.now();
  });

  const api: AppProbeApi = {
    install: () => {
      observer.observe({ type: 'measure', buffered: false });
      confirmations.observe(win.document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    measureCount: () => measures.length,
    measuresSince: (from) => measures.slice(from),
    armSave: () => {
      Object.assign(save, { armed: true, before: savedText(win.document), start: null, end: null });
    },
    timePortSearches: async (queries) => {
      remote ??= Comlink.wrap<StoreHostApi>(openPort());
      const samples: number[] = [];
      for (const query of queries) {
        const t = performance.now();
        const found = await remote.query('directory.searchUsers', { query, limit: 10 });
        samples.push(performance.now() - t);
        if (!found.ok) throw new Error(found.error.message);
      }
      return samples;
    },
    saveDuration: () => (save.start !== null && save.end !== null ? save.end - save.start : null),
    armSubmit: () => submit.arm(),
    submitResult: () => submit.result(),
    escalationStored,
  };
  win.deskpadApp = api;
}
