// Tests the desktop page's StoreSource: ports posted by the preload reach the renderer, the
// newest wins, and look-alike messages from elsewhere are ignored. Plain event fakes.

import { describe, expect, it, vi } from 'vitest';
import type { StorePort } from '../renderer/mount';
import {
  createDesktopStoreSource,
  type MessageTarget,
  type PortMessage,
} from './desktop-store-source';

const fakeWindow = () => {
  const listeners: ((event: PortMessage) => void)[] = [];
  const win: MessageTarget & {
    dispatch(event: Omit<PortMessage, 'source'>, source?: unknown): void;
  } = {
    addEventListener: (_type, listener) => listeners.push(listener),
    dispatch: (event, source = win) => {
      for (const listener of listeners) listener({ ...event, source });
    },
  };
  return win;
};

const port = (name: string) => ({ name }) as unknown as StorePort;
const storePortMessage = { type: 'deskpad:store-port' };

describe('desktop store source', () => {
  it('keeps the newest port that arrives before the renderer connects', () => {
    const win = fakeWindow();
    const source = createDesktopStoreSource(win);
    win.dispatch({ data: storePortMessage, ports: [port('old')] });
    win.dispatch({ data: storePortMessage, ports: [port('new')] });
    const onPort = vi.fn();
    source.connect(onPort);
    expect(onPort.mock.calls).toEqual([[port('new')]]);
  });

  it('hands each later port straight to the renderer', () => {
    const win = fakeWindow();
    const source = createDesktopStoreSource(win);
    const onPort = vi.fn();
    source.connect(onPort);
    win.dispatch({ data: storePortMessage, ports: [port('first')] });
    win.dispatch({ data: storePortMessage, ports: [port('after restart')] });
    expect(onPort.mock.calls).toEqual([[port('first')], [port('after restart')]]);
  });

  it('ignores messages from other windows, of other types, or without a port', () => {
    const win = fakeWindow();
    const source = createDesktopStoreSource(win);
    const onPort = vi.fn();
    source.connect(onPort);
    win.dispatch({ data: storePortMessage, ports: [port('from a frame')] }, {});
    win.dispatch({ data: { type: 'deskpad:store-connect', windowId: 1 }, ports: [port('x')] });
    win.dispatch({ data: 'deskpad:store-port', ports: [port('x')] });
    win.dispatch({ data: storePortMessage, ports: [] });
    expect(onPort).not.toHaveBeenCalled();
  });
});
