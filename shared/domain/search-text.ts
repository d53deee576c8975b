// Text folding for lookups: what "the same letters" means to a person typing a name or an id.
// Pure and cheap on plain ASCII (the common case); never used to change what is stored or shown.

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL = /[øæœßłđðþı]/g;
const MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;
const PLAIN_NAME = /^[a-z0-9]+(?: [a-z0-9]+)* ?$/;

/** Lower case without accents: "Núñez" → "nunez", "Søren" → "soren". */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c);
}

/**
 * A person's name as typed: folded, apostrophes dropped, hyphens and commas read as spaces,
 * so "O'Brien" = "obrien", "Jean-Luc" = "jean luc", "Smith, John" = "smith john". A trailing
 * space is kept (it means "the word ends here"), a leading one is not.
 */
export function foldName(text: string): string {
  const folded = foldText(text);
  // Most names are already plain words and single spaces: skip the replacements.
  if (PLAIN_NAME.test(folded)) return folded;
  return folded
    .replace(/['’]/g, '')
    .replace(/[\s,.-]+/g, ' ')
    .trimStart();
}

/** Only the digits, for phone lookups: "+1 (555) 123-4567" → "15551234567". */
export const digitsOf = (text: string): string => text.replace(/\D+/g, '');

/** A user name or mail box made of a-z, 0-9 only: "Ó Súilleabháin" → "osuilleabhain". */
export const asciiWord = (text: string): string => foldText(text).replace(/[^a-z0-9]+/g, '');
