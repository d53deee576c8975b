// `npm run phone-sim -- --url http://HOST:PORT/api/v1/cti/TOKEN [--scenario NAME] [--format json|form]
// [--from NUMBER] [--rate N --calls M] …`: plays a phone system's generic CTI calls at a desk server,
// prints one line per event, exits 1 on a 5xx or an unexpected answer. Sends nothing elsewhere.

import http from 'node:http';
import https from 'node:https';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CTI_FORMATS, postCti } from './cti-request.mjs';
import { SCENARIOS, describeEvent, planScenario, playCalls } from './phone-scenarios.mjs';

const USAGE = `Usage: npm run phone-sim -- --url http://127.0.0.1:8787/api/v1/cti/TOKEN [options]
  --scenario NAME        ${SCENARIOS.join(' | ')} (default all)
  --format json|form     JSON, or form data with user[] (default json)
  --from NUMBER          the outside party's number (default: the scenario's demo number)
  --to NUMBER            the desk's number
  --user NAME            an agent the call rings for, by real name (repeat for several)
  --queue NAME           the phone queue (Administration maps it to a group of agents)
  --answered-by NAME     the answering agent's real name (default Demo Agent)
  --answering-number N   how the phone system names that agent: phone, user name (default demo.agent)
  --cause CAUSE          a missed call's hangup cause: cancel or noAnswer (default cancel)
  --ring-ms MS           ringing before answer or hangup (default 3000)
  --talk-ms MS           talking before hangup (default 8000)
  --rate N --calls M     burst: N answered calls a second, M in all`;

/**
 * @param {string[]} argv
 */
export function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      scenario: { type: 'string', default: 'all' },
      format: { type: 'string', default: 'json' },
      from: { type: 'string' },
      to: { type: 'string' },
      user: { type: 'string', multiple: true },
      queue: { type: 'string' },
      'answered-by': { type: 'string' },
      'answering-number': { type: 'string' },
      cause: { type: 'string' },
      'ring-ms': { type: 'string' },
      'talk-ms': { type: 'string' },
      rate: { type: 'string' },
      calls: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  if (!values.url) throw new Error('--url is required: the integration URL Administration showed.');
  const url = new URL(values.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('--url must be an http:// or https:// address.');
  const scenario = SCENARIOS.find((s) => s === values.scenario);
  if (!scenario) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}.`);
  const format = CTI_FORMATS.find((f) => f === values.format);
  if (!format) throw new Error('--format must be json or form.');
  if (values.cause !== undefined && !['cancel', 'noAnswer'].includes(values.cause))
    throw new Error('--cause must be cancel or noAnswer.');
  const count = (/** @type {string} */ name, /** @type {string | undefined} */ text) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number.`);
    return value;
  };
  const answeredBy = values['answered-by'];
  const answeringNumber = values['answering-number'];
  return {
    url: url.href,
    scenario,
    format,
    call: {
      from: values.from,
      to: values.to,
      user: values.user,
      queue: values.queue,
      cause: values.cause,
      answering:
        answeredBy === undefined && answeringNumber === undefined
          ? undefined
          : {
              name: answeredBy ?? 'Demo Agent',
              answeringNumber: answeringNumber ?? answeredBy ?? 'demo.agent',
            },
      ringMs: count('ring-ms', values['ring-ms']),
      talkMs: count('talk-ms', values['talk-ms']),
      rate: count('rate', values.rate),
      calls: count('calls', values.calls),
    },
  };
}

async function main() {
  /** @type {ReturnType<typeof readOptions>} */
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === null) {
    console.log(USAGE);
    return;
  }
  const { url, format } = options;
  const agent = url.startsWith('https:')
    ? new https.Agent({ keepAlive: true, maxSockets: 32 })
    : new http.Agent({ keepAlive: true, maxSockets: 32 });
  const plan = planScenario(options.scenario, options.call);
  console.log(
    `Playing ${plan.length} call${plan.length === 1 ? '' : 's'} (${options.scenario}, ${format}) at ${url.replace(/\/cti\/[^/?#]+/, '/cti/…')}`,
  );
  const sent = await playCalls(plan, {
    send: (fields) => postCti(url, fields, format, { agent }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onSent: (event) => console.log(describeEvent(event, new Date())),
  });
  agent.destroy();
  const problems = sent.filter((event) => event.problem !== null);
  console.log(
    `${sent.length} events sent, ${sent.length - problems.length} answered as expected${problems.length > 0 ? `, ${problems.length} not` : ''}.`,
  );
  if (problems.length > 0) process.exit(1);
}

// Only when run as the command, so a test can import readOptions.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
