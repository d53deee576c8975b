// One generic CTI event (Zammad's newCall / answer / hangup) as a phone system POSTs it: the body in
// JSON or in form data (`user[]=a&user[]=b`, as the documented `curl --data` sends it), and the
// request itself. Knows no scenario and no timing (phone-scenarios.mjs); never retries.

import http from 'node:http';
import https from 'node:https';

/**
 * The fields in the documentation's order. `user` holds the agents' real names: one is sent as a
 * string in JSON and several as an array; form data always says `user[]`.
 * @typedef {object} CtiFields
 * @property {'newCall' | 'answer' | 'hangup'} event
 * @property {string} from
 * @property {string} to
 * @property {'in' | 'out'} direction
 * @property {string} callId
 * @property {string[]} [user]
 * @property {string} [queue]
 * @property {string} [answeringNumber]
 * @property {string} [cause]
 */

/** @typedef {'json' | 'form'} CtiFormat */

/**
 * @typedef {object} CtiAnswer
 * @property {number} status
 * @property {string} text the body as the server sent it
 * @property {unknown} json the body parsed, or null when it was not JSON
 * @property {number} ms from the request's start to the answer's last byte
 */

export const CTI_FORMATS = /** @type {const} */ (['json', 'form']);

/**
 * A value as application/x-www-form-urlencoded writes it: UTF-8, percent-escapes, a space as `+`.
 * @param {string} value
 */
const formValue = (value) => encodeURIComponent(value).replace(/%20/g, '+');

/**
 * The fields that are set, in the documentation's order (event, from, to, direction, callId,
 * user, queue, answeringNumber, cause).
 * @param {CtiFields} fields
 * @returns {[string, string | string[]][]}
 */
function presentFields(fields) {
  /** @type {[string, string | string[] | undefined][]} */
  const ordered = [
    ['event', fields.event],
    ['from', fields.from],
    ['to', fields.to],
    ['direction', fields.direction],
    ['callId', fields.callId],
    ['user', fields.user && fields.user.length > 0 ? fields.user : undefined],
    ['queue', fields.queue],
    ['answeringNumber', fields.answeringNumber],
    ['cause', fields.cause],
  ];
  return ordered.flatMap(([name, value]) => (value === undefined ? [] : [[name, value]]));
}

/**
 * The request body and its content type.
 * @param {CtiFields} fields
 * @param {CtiFormat} format
 * @returns {{ contentType: string; body: string }}
 */
export function ctiBody(fields, format) {
  const present = presentFields(fields);
  if (format === 'json') {
    /** @type {Record<string, string | string[]>} */
    const object = {};
    for (const [name, value] of present)
      object[name] = Array.isArray(value) && value.length === 1 ? String(value[0]) : value;
    return { contentType: 'application/json', body: JSON.stringify(object) };
  }
  const pairs = present.flatMap(([name, value]) =>
    Array.isArray(value)
      ? value.map((v) => `${name}[]=${formValue(v)}`)
      : [`${name}=${formValue(value)}`],
  );
  return { contentType: 'application/x-www-form-urlencoded', body: pairs.join('&') };
}

/**
 * POSTs one event to the integration's URL (`…/api/v1/cti/{token}`) and reads the whole answer.
 * @param {string} url
 * @param {CtiFields} fields
 * @param {CtiFormat} format
 * @param {{ agent?: http.Agent; timeoutMs?: number }} [options] a keep-alive agent for many calls
 * @returns {Promise<CtiAnswer>}
 */
export function postCti(url, fields, format, options = {}) {
  const { contentType, body } = ctiBody(fields, format);
  const started = performance.now();
  const client = new URL(url).protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: options.agent,
        headers: {
          'content-type': contentType,
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        response.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          /** @type {unknown} */
          let json = null;
          try {
            json = text === '' ? null : JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({
            status: response.statusCode ?? 0,
            text,
            json,
            ms: performance.now() - started,
          });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No answer from ${url} in time.`)));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * What the phone system is told to do: 'reject' for `{"action":"reject", …}` (Zammad adds
 * `"reason":"busy"`), 'continue' for `{}` or any other 2xx JSON object, 'invalid' otherwise.
 * @param {CtiAnswer} answer
 * @returns {'continue' | 'reject' | 'invalid'}
 */
export function readAction(answer) {
  if (answer.status < 200 || answer.status >= 300) return 'invalid';
  const json = answer.json;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'invalid';
  return /** @type {{ action?: unknown }} */ (json).action === 'reject' ? 'reject' : 'continue';
}
