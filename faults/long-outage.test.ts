// A desk cut off from the desk server for a long time (connections refused while navigator.onLine says
// true) saves hundreds of records, then the server is back: all of them arrive once, and the other desk sees them.

import { describe, expect, it } from 'vitest';
import { expectServerHoldsExactlyWhatDesksSaved } from './support/counting';
import { PUSH } from './support/fault-proxy';
import { sleep, useFaultWorld } from './support/fault-harness';
import { FAST_BACKOFF } from './support/fault-desk';
import { DEMO_SECOND_AGENT } from '../e2e/support/demo-directory';

const world = useFaultWorld(31);
const CREATES = 500;
const CASE_MS = 60_000;
const DRAIN_MS = 20_000;
/** Long enough for the runner's backoff to reach its cap: it has given up retrying quickly. */
const OUTAGE_MS = 4_000;

describe('a desk offline for a long time', () => {
  it(`saves ${CREATES} interactions with updates and closes while refused, then drains once`, async () => {
    const { proxy, ledger, reader, openDesk } = world();
    const started = Date.now();
    const away = await openDesk('away');
    const colleague = await openDesk('colleague');
    await away.signIn('demo.agent');
    await colleague.signIn(DEMO_SECOND_AGENT.userName);
    await away.waitUntilDrained(10_000);

    await proxy.refuseConnections();
    const cutAt = Date.now();
    const pushesBefore = proxy.count(PUSH);
    while ([...ledger.saved.values()].filter((r) => r.desk === 'away').length < CREATES)
      await ledger.step(away);
    const waiting = (await away.status()).pendingChanges;
    expect(waiting).toBeGreaterThan(CREATES);
    expect(proxy.count(PUSH)).toBe(pushesBefore);
    const savedAt = Date.now();
    await sleep(Math.max(0, cutAt + OUTAGE_MS - savedAt));

    await proxy.acceptConnections();
    const back = Date.now();
    await away.waitUntilDrained(DRAIN_MS);
    const drainedMs = Date.now() - back;
    // The runner finds the server at its next retry: one capped backoff step, plus the pushes.
    expect(drainedMs).toBeLessThan(FAST_BACKOFF.maxMs + 5_000);
    const count = await expectServerHoldsExactlyWhatDesksSaved(await reader(), ledger, [
      away,
      colleague,
    ]);
    console.info(
      `long outage: ${waiting} changes (${count.saved} records) saved in ${savedAt - started} ms, ` +
        `drained ${drainedMs} ms after the server came back, in ${proxy.count(PUSH) - pushesBefore} pushes`,
    );
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });
});

describe('a desk whose network is unplugged (navigator.onLine false)', () => {
  it('drains at once when the network comes back, without waiting out a backoff', async () => {
    const { ledger, reader, openDesk } = world();
    const started = Date.now();
    const desk = await openDesk('unplugged');
    await desk.signIn();
    await desk.waitUntilDrained(10_000);
    desk.setOnline(false);
    for (let i = 0; i < 300; i += 1) await ledger.step(desk);
    await sleep(OUTAGE_MS);
    expect((await desk.status()).connection).toBe('offline');

    const back = Date.now();
    desk.setOnline(true);
    await desk.waitUntilDrained(DRAIN_MS);
    const drainedMs = Date.now() - back;
    expect(drainedMs).toBeLessThan(5_000);
    await expectServerHoldsExactlyWhatDesksSaved(await reader(), ledger, [desk]);
    console.info(`unplugged: drained ${drainedMs} ms after the network came back`);
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });
});
