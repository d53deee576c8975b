// The desktop store host's sync wiring: the bridge's desk server and vault become the engine's
// sync options, and a launch code is handed to session.launch (a refusal is said, not thrown).

import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../shared/domain/result';
import type { StoreHostBridge } from '../shared/store-host-bridge';
import { launchSession } from './adopt-session';
import { desktopSync, storeHostBridge } from './desktop-sync';

const bridge: StoreHostBridge = {
  serverUrl: 'http://127.0.0.1:8787',
  sealToken: vi.fn((token: string) => Promise.resolve(`sealed(${token})`)),
  openToken: vi.fn((sealed: string) => Promise.resolve(sealed === 'sealed(t)' ? 't' : null)),
  takeLaunchToken: () => Promise.resolve(null),
};

describe('desktop sync wiring', () => {
  it('finds the bridge only where the store host preload exposed it', () => {
    expect(storeHostBridge({})).toBeNull();
    expect(storeHostBridge({ deskpadStoreHost: 'nope' })).toBeNull();
    expect(storeHostBridge({ deskpadStoreHost: bridge })).toBe(bridge);
  });

  it('syncs with the desk server main named and keeps the token through the vault', async () => {
    const sync = desktopSync(bridge);
    expect(sync.serverUrl).toBe('http://127.0.0.1:8787');
    expect(await sync.tokenVault.seal('t')).toBe('sealed(t)');
    expect(await sync.tokenVault.open('sealed(t)')).toBe('t');
    expect(await sync.tokenVault.open('other')).toBeNull();
  });

  it('exchanges a launch code, and says so without the code when the host refuses it', async () => {
    const act = vi.fn().mockResolvedValueOnce(ok({ status: 'signed-in' }));
    const warn = vi.fn();
    expect(await launchSession({ act }, 'launch-code-1234567890', warn)).toBe(true);
    expect(act).toHaveBeenCalledWith('session.launch', { code: 'launch-code-1234567890' });
    expect(warn).not.toHaveBeenCalled();

    act.mockResolvedValueOnce(fail('invalid-input', 'The session has ended.'));
    expect(await launchSession({ act }, 'launch-code-1234567890', warn)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('The session has ended.');
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('launch-code-1234567890');
  });
});
