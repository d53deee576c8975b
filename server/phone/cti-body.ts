// The CTI request body as Zammad's generic CTI accepts it: JSON, or form data whose `user[]`
// fields (and a repeated `user`) fold into one `user` list. Pure; never validates the event.

/** Form data as an object: each field once (the last one wins), `user[]`/`user` as a list. */
export function formFields(text: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const users: string[] = [];
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === 'user[]' || key === 'user') users.push(value);
    else fields[key] = value;
  }
  if (users.length > 0) fields.user = users;
  return fields;
}

/** A JSON body's `user[]` (as some scripts send it) folded into `user`; anything else as sent. */
export function foldedBody(body: unknown): Record<string, unknown> | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const fields = { ...(body as Record<string, unknown>) };
  if ('user[]' in fields) {
    const listed = fields['user[]'];
    delete fields['user[]'];
    const more = Array.isArray(listed) ? (listed as unknown[]) : [listed];
    const already =
      fields.user === undefined ? [] : Array.isArray(fields.user) ? fields.user : [fields.user];
    fields.user = [...(already as unknown[]), ...more];
  }
  return fields;
}
