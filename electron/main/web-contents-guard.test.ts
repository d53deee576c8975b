// Tests that every webContents refuses new windows, navigation away from app:// and <webview>.
// Uses an event-emitter fake in place of Electron's webContents.

import { describe, expect, it } from 'vitest';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { FakeEmitter, asFake, silentLog } from './test-support/fakes';
import { hardenWebContents, type GuardedWebContents } from './web-contents-guard';

class FakeContents extends FakeEmitter {
  url = 'app://deskpad/desktop.html';
  getURL(): string {
    return this.url;
  }
  downloads: string[] = [];
  downloadURL(url: string): void {
    this.downloads.push(url);
  }
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
}

const harden = (deskServerOrigin: string | null = null) => {
  const contents = new FakeContents();
  const log = silentLog();
  hardenWebContents(asFake<GuardedWebContents>(contents), log, deskServerOrigin);
  return { contents, log };
};

describe('web contents guard', () => {
  it('denies every new window, even one for our own origin', () => {
    const { contents, log } = harden();
    for (const url of ['https://example.org/', 'app://deskpad/desktop.html']) {
      const details = asFake<HandlerDetails>({ url });
      expect(contents.openHandler?.(details)).toEqual({ action: 'deny' });
    }
    expect(log.lines).toHaveLength(2);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'refuses %s to anything but app://deskpad',
    (event) => {
      const { contents } = harden();
      for (const url of [
        'https://example.org/',
        'file:///etc/passwd',
        'app://other/desktop.html',
        'javascript:alert(1)',
        'not a url',
      ]) {
        expect(contents.emitPreventable(event, { url }).prevented).toBe(true);
      }
      expect(contents.emitPreventable(event, { url: 'app://deskpad/desktop.html' }).prevented).toBe(
        false,
      );
    },
  );

  it('refuses to turn an app window into another page of ours, such as a second store host', () => {
    const { contents } = harden();
    const to = (url: string) => contents.emitPreventable('will-navigate', { url }).prevented;
    expect(to('app://deskpad/store-host.html')).toBe(true);
    expect(to('app://deskpad/desktop.html#shortcuts')).toBe(false);
    contents.url = '';
    expect(
      contents.emitPreventable('will-redirect', { url: 'app://deskpad/desktop.html' }).prevented,
    ).toBe(false);
  });

  it('downloads a CSV export link of its own desk server instead of going there, and nothing else', () => {
    const { contents } = harden('https://desk.example');
    const link = 'https://desk.example/api/v1/export/incidents.csv?link=abc';
    expect(contents.emitPreventable('will-navigate', { url: link }).prevented).toBe(true);
    expect(contents.downloads).toEqual([link]);
    for (const url of [
      'https://other.example/api/v1/export/incidents.csv?link=abc',
      'https://desk.example/api/v1/export/incidents.csv',
      'https://desk.example/api/v1/export/users.csv?link=abc',
      'https://desk.example/api/v1/interactions?link=abc',
    ])
      expect(contents.emitPreventable('will-navigate', { url }).prevented).toBe(true);
    expect(contents.downloads).toEqual([link]);
    const withoutServer = harden();
    withoutServer.contents.emitPreventable('will-navigate', { url: link });
    expect(withoutServer.contents.downloads).toEqual([]);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = harden();
    expect(contents.emitPreventable('will-attach-webview').prevented).toBe(true);
  });
});
