// Tests that the spellchecker is pointed at an address on this computer where nothing answers,
// so no dictionary is ever downloaded from outside.

import { describe, expect, it } from 'vitest';
import { NO_DICTIONARY_DOWNLOADS_URL, preventDictionaryDownloads } from './spellcheck';

describe('spellcheck dictionaries', () => {
  it('are never downloaded: the download address is a dead one on this computer', () => {
    const set: string[] = [];
    preventDictionaryDownloads({ setSpellCheckerDictionaryDownloadURL: (url) => set.push(url) });
    expect(set).toEqual([NO_DICTIONARY_DOWNLOADS_URL]);
    const url = new URL(NO_DICTIONARY_DOWNLOADS_URL);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname.endsWith('/')).toBe(true);
  });
});
