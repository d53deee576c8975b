// The JSON text of record versions this server has lately read for a pull, by version: desks poked
// by the same push pull the same rows, and a version's text never changes. Holds no state else.

/** Record versions' texts (a version is unique across the three record tables). */
export interface RecordTexts {
  get(version: number): string | undefined;
  put(version: number, json: string): void;
}

/** About this many characters of JSON are kept; the ones read longest ago go first. */
export const RECORD_TEXTS_MAX_CHARS = 32 * 1024 * 1024;

export function createRecordTexts(maxChars: number = RECORD_TEXTS_MAX_CHARS): RecordTexts {
  const texts = new Map<number, string>();
  let chars = 0;
  return {
    get: (version) => texts.get(version),
    put: (version, json) => {
      if (texts.has(version) || json.length > maxChars) return;
      texts.set(version, json);
      chars += json.length;
      for (const [oldest, text] of texts) {
        if (chars <= maxChars) break;
        texts.delete(oldest);
        chars -= text.length;
      }
    },
  };
}
