// Keeps the spellchecker from fetching anything: Chromium downloads Hunspell dictionaries from
// Google's CDN on Linux (and Windows without the OS checker). Never turns spellchecking itself off.

import type { Session } from 'electron';

/**
 * Nothing listens here (port 9 is "discard"), so every download fails at once, on this computer.
 * Electron's docs: the dictionaries are fetched from `${url}${file}`; on macOS the OS checker is
 * used and the call does nothing.
 */
export const NO_DICTIONARY_DOWNLOADS_URL = 'http://127.0.0.1:9/deskpad-no-dictionaries/';

export type SpellcheckSession = Pick<Session, 'setSpellCheckerDictionaryDownloadURL'>;

export const preventDictionaryDownloads = (session: SpellcheckSession): void => {
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS_URL);
};
