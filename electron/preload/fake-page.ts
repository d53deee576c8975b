// A fake page for the preload tests: records what the preload posts and lets a test play the
// page posting to itself. Used by tests only; never by a preload.

import type { PageMessage } from '../../shared/desktop-bridge';
import type { PageWindow } from './page-window';

export interface FakePage extends PageWindow {
  readonly posted: { message: PageMessage; ports: readonly MessagePort[] }[];
  appPage: boolean;
  load(): void;
  pagePosts(data: unknown): void;
}

export const createFakePage = (loaded = true): FakePage => {
  let isLoaded = loaded;
  const onLoad: (() => void)[] = [];
  const listeners: ((data: unknown) => void)[] = [];
  const page: FakePage = {
    posted: [],
    appPage: true,
    isAppPage: () => page.appPage,
    whenLoaded: (callback) => {
      if (isLoaded) callback();
      else onLoad.push(callback);
    },
    post: (message, ports) => page.posted.push({ message, ports }),
    onMessage: (listener) => listeners.push(listener),
    load: () => {
      isLoaded = true;
      for (const callback of onLoad.splice(0)) callback();
    },
    pagePosts: (data) => {
      for (const listener of listeners) listener(data);
    },
  };
  return page;
};

export const fakePort = (): MessagePort & { closed: boolean } => {
  const port = {
    closed: false,
    close() {
      port.closed = true;
    },
  };
  return port as unknown as MessagePort & { closed: boolean };
};
