// Field schemas the organization's administration operations share (names, descriptions, search
// text, ids), each with the message a person reads. Shapes only; never touches a database.

import { z } from 'zod';

export const RecordId = z
  .string({ error: 'Choose an item.' })
  .min(1, { error: 'Choose an item.' })
  .max(64, { error: 'That id is longer than 64 characters.' });

/** A display name: trimmed, 1 to 200 characters. */
export const DisplayName = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, { error: 'Enter a name.' })
  .max(200, { error: 'Keep the name under 200 characters.' });

export const Description = z
  .string({ error: 'The description must be text.' })
  .trim()
  .max(2000, { error: 'Keep the description under 2,000 characters.' });

/** What a person typed into a search box: trimmed, at most 100 characters, empty for all. */
export const SearchText = z
  .string({ error: 'The search must be text.' })
  .trim()
  .max(100, { error: 'Keep the search under 100 characters.' });
