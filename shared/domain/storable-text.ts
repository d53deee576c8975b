// What text a record may hold: no NUL character and no unpaired UTF-16 surrogate, which PostgreSQL
// refuses. Checked on arrival everywhere (form, store port, HTTP), so a desk never saves offline
// what the desk server would refuse at sync.

const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean =>
  !text.includes(NUL) && !LONE_SURROGATE.test(text);

export const UNSTORABLE_TEXT_MESSAGE =
  'This text holds a hidden control character (often from a paste); type it again or remove it.';
