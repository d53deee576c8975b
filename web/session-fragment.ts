// The session token the launcher puts in the address (`#session=<token>`, from `npm start`): taken
// out of the address bar and the history at once, before anything else runs. Never stores it.

export interface AddressBar {
  readonly location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
}

const MAX_TOKEN = 512;

/** The token, or null when the address carries none; the fragment is gone afterwards either way. */
export function takeSessionFragment({ location, history }: AddressBar): string | null {
  if (!location.hash.startsWith('#')) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('session')) return null;
  const token = params.get('session') ?? '';
  params.delete('session');
  const rest = params.toString();
  // replaceState, not a location change: no reload, and the token leaves no history entry.
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  );
  return token.length > 0 && token.length <= MAX_TOKEN ? token : null;
}
