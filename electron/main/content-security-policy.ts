// The Content-Security-Policy every app:// page is served with: our own scripts only, no eval,
// no inline script, no plugins, no framing. Never loosen it per page; add origins via options.

export interface ContentSecurityPolicyOptions {
  /** Extra origins the pages may fetch from, e.g. the desk server once sync exists. */
  readonly connectSources?: readonly string[];
}

const ORIGIN_PATTERN = /^(https?|wss?):\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/i;

export const buildContentSecurityPolicy = (options: ContentSecurityPolicyOptions = {}): string => {
  const extra = options.connectSources ?? [];
  for (const origin of extra) {
    // A bad origin here would silently widen or break the policy, so refuse it loudly.
    if (!ORIGIN_PATTERN.test(origin)) throw new Error(`Not an origin for connect-src: ${origin}`);
  }
  const directives: [string, readonly string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['connect-src', ["'self'", ...extra]],
    // Vite emits stylesheets as files and React sets styles through the CSSOM, so no inline.
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
    ['base-uri', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
};
