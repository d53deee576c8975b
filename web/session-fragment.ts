// The codes an address may carry: a launcher's launch code (`#launch=<code>`, from `npm start`) and
// an empty server's setup code (`#setup=<code>`): taken out of the address bar and the history at
// once, before anything else runs. Never stores them.

export interface AddressBar {
  readonly location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
}

const MAX_CODE = 128;
/**
 * `session=` carried a session token itself before launch codes: still wiped if an old link or
 * bookmark brings one, never used (a token in an address ends up in history files).
 */
const WIPED = ['launch', 'setup', 'session'] as const;

export interface AddressCodes {
  launch: string | null;
  setup: string | null;
}

const usable = (code: string | null): string | null =>
  code !== null && code.length > 0 && code.length <= MAX_CODE ? code : null;

/** The launch code, or null when the address carries none; the fragment is gone afterwards either way. */
export function takeLaunchFragment(bar: AddressBar): string | null {
  return takeSessionFragment(bar).launch;
}

/** Both codes (null when absent); every code is gone from the address afterwards. */
export function takeSessionFragment({ location, history }: AddressBar): AddressCodes {
  const none = { launch: null, setup: null };
  if (!location.hash.startsWith('#')) return none;
  const params = new URLSearchParams(location.hash.slice(1));
  if (!WIPED.some((key) => params.has(key))) return none;
  const codes = { launch: usable(params.get('launch')), setup: usable(params.get('setup')) };
  for (const key of WIPED) params.delete(key);
  const rest = params.toString();
  // replaceState, not a location change: no reload, and the code leaves no history entry.
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  );
  return codes;
}
