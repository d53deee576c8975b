// The launch code the launcher puts in the address (`#launch=<code>`, from `npm start`): taken out of
// the address bar and the history at once, before anything else runs. Never stores it.

export interface AddressBar {
  readonly location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
}

const MAX_CODE = 128;
/**
 * `session=` carried a session token itself before launch codes: still wiped if an old link or
 * bookmark brings one, never used (a token in an address ends up in history files).
 */
const WIPED = ['launch', 'session'] as const;

/** The code, or null when the address carries none; the fragment is gone afterwards either way. */
export function takeLaunchFragment({ location, history }: AddressBar): string | null {
  if (!location.hash.startsWith('#')) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  if (!WIPED.some((key) => params.has(key))) return null;
  const code = params.get('launch') ?? '';
  for (const key of WIPED) params.delete(key);
  const rest = params.toString();
  // replaceState, not a location change: no reload, and the code leaves no history entry.
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  );
  return code.length > 0 && code.length <= MAX_CODE ? code : null;
}
