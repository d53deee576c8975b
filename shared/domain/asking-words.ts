// The words of a short description that say what is asked for, and how one of them matches a word
// of a catalog item or a contact template. Shared by the suggestions in Create Request (catalog
// items) and Report an Issue (contact templates).

import { foldText } from './search-text';

/** A text's words, folded (case and accents) and split on anything not a letter or digit. */
export const words = (text: string): string[] =>
  foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Words that say nothing about what is asked for. */
const NOT_ASKING = new Set(
  'a an and are as at be but by can cannot cant could do does dont for from get got has have help how i im in is it its me my need needs new no not of on or our please so some that the their there this to up us was we what when where which who why will with would you your'.split(
    ' ',
  ),
);

/** The text's words that may name something, each once. */
export const askingWords = (text: string): string[] =>
  [...new Set(words(text))].filter((w) => w.length >= 2 && !NOT_ASKING.has(w));

/** One word of the text against one of an item's: the same beginning, or a plural of it. */
export const sameWord = (typed: string, own: string): boolean =>
  own.startsWith(typed) ||
  (own.length >= 4 && typed.startsWith(own) && typed.length <= own.length + 2);
