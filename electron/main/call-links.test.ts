// Tests the deskpad:// wiring with a fake app: registration (packaged and unpackaged), links from
// open-url and from a second launch delivered checked, bad links ignored, and a link that came
// before any window delivered once a window has loaded.

import { describe, expect, it, vi } from 'vitest';
import type { CallLink } from '../../shared/call-link';
import { registerCallLinks, type CallLinkApp } from './call-links';
import { FakeEmitter, asFake } from './test-support/fakes';

const setup = (
  over: { defaultApp?: boolean; argv?: string[]; windows?: boolean; registers?: boolean } = {},
) => {
  const app = Object.assign(new FakeEmitter(), {
    setAsDefaultProtocolClient: vi.fn(() => over.registers ?? true),
  });
  const delivered: CallLink[] = [];
  const state = { windows: over.windows ?? true };
  const log = { info: vi.fn(), warn: vi.fn() };
  const links = registerCallLinks({
    app: asFake<CallLinkApp>(app),
    launch: {
      defaultApp: over.defaultApp ?? false,
      execPath: '/opt/Deskpad/deskpad',
      argv: over.argv ?? ['/opt/Deskpad/deskpad'],
    },
    deliver: (link) => {
      if (!state.windows) return false;
      delivered.push(link);
      return true;
    },
    log,
  });
  return { app, links, delivered, state, log };
};

describe('the deskpad:// protocol', () => {
  it('registers Deskpad as the handler; an unpackaged run registers its script too', () => {
    expect(setup().app.setAsDefaultProtocolClient).toHaveBeenCalledWith('deskpad');
    const dev = setup({ defaultApp: true, argv: ['/usr/bin/electron', 'dist-electron/main.js'] });
    expect(dev.app.setAsDefaultProtocolClient).toHaveBeenCalledWith(
      'deskpad',
      '/opt/Deskpad/deskpad',
      ['dist-electron/main.js'],
    );
    expect(setup({ registers: false }).log.warn).toHaveBeenCalledWith(
      'Could not register Deskpad as the deskpad:// handler.',
    );
  });

  it('delivers a link from open-url (macOS), the default action prevented', () => {
    const { app, delivered } = setup();
    const preventDefault = vi.fn();
    app.emit('open-url', { preventDefault }, 'deskpad://call?from=%2B442079460958&callId=c-9');
    expect(preventDefault).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual([{ from: '+442079460958', callId: 'c-9' }]);
  });

  it('delivers the link of a second launch (Windows, Linux) and of this launch itself', () => {
    const first = setup({ argv: ['/opt/Deskpad/deskpad', 'deskpad://call?from=4711'] });
    expect(first.delivered).toEqual([{ from: '4711' }]);
    first.links.fromArgv(['/opt/Deskpad/deskpad', '--no-sandbox', 'deskpad://call?from=4712']);
    first.links.fromArgv(['/opt/Deskpad/deskpad']);
    expect(first.delivered).toEqual([{ from: '4711' }, { from: '4712' }]);
  });

  it('ignores a link that is not a call, saying why in the log', () => {
    const { links, delivered, log } = setup();
    links.fromArgv(['deskpad', 'deskpad://call?from=anonymous']);
    links.fromArgv(['deskpad', 'deskpad://settings']);
    expect(delivered).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(
      'Ignored a deskpad:// link: from must be a phone number.',
    );
  });

  it('keeps the newest link until a window has loaded, then delivers it once', () => {
    const { links, delivered, state } = setup({ windows: false });
    links.fromArgv(['deskpad', 'deskpad://call?from=1001']);
    links.fromArgv(['deskpad', 'deskpad://call?from=1002']);
    expect(delivered).toEqual([]);
    state.windows = true;
    links.windowReady();
    links.windowReady();
    expect(delivered).toEqual([{ from: '1002' }]);
  });
});
