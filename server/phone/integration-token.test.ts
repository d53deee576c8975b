// The CTI token: long, URL-safe and new each time; its hash is SHA-256 hex and never the token.

import { describe, expect, it } from 'vitest';
import { hashIntegrationToken, newIntegrationToken } from './integration-token';

describe('the integration token', () => {
  it('is 32 random bytes in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newIntegrationToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('is kept as its SHA-256 in hex, which does not contain it', () => {
    expect(hashIntegrationToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = newIntegrationToken();
    const hash = hashIntegrationToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashIntegrationToken(token)).toBe(hash);
  });
});
