// Tests the Content-Security-Policy text: strict by default, widened only by a valid origin.
// Pure string checks; never loads a page.

import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './content-security-policy';

const directives = (policy: string): Map<string, string> =>
  new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources.join(' ')];
    }),
  );

describe('content security policy', () => {
  it('allows our own scripts only: no inline, no eval, no plugins, no framing', () => {
    const policy = directives(buildContentSecurityPolicy());
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('worker-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(buildContentSecurityPolicy()).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('adds the desk server to connect-src and nowhere else', () => {
    const policy = directives(
      buildContentSecurityPolicy({ connectSources: ['https://desk.example.org:8443'] }),
    );
    expect(policy.get('connect-src')).toBe("'self' https://desk.example.org:8443");
    expect(policy.get('script-src')).toBe("'self'");
  });

  it('refuses something that is not an origin', () => {
    expect(() => buildContentSecurityPolicy({ connectSources: ["* 'unsafe-eval'"] })).toThrow(
      /Not an origin/,
    );
    expect(() =>
      buildContentSecurityPolicy({ connectSources: ['https://a.example/path'] }),
    ).toThrow();
  });
});
