// The desk server SIGKILLed in the middle of pushes, again and again, and started again on the same data,
// while the desks keep saving. Nothing saved is lost or doubled, and the numbers stay unique (invariants 1, 2).

import { describe, expect, it } from 'vitest';
import { expectServerHoldsExactlyWhatDesksSaved } from './support/counting';
import type { FaultDesk } from './support/fault-desk';
import { PUSH } from './support/fault-proxy';
import { sleep, useFaultWorld } from './support/fault-harness';
import { DEMO_SECOND_AGENT } from '../e2e/support/demo-directory';

const world = useFaultWorld(11);
const KILLS = 5;
const CASE_MS = 60_000;

describe('the desk server killed in the middle of pushes', () => {
  it(`survives ${KILLS} SIGKILLs while two desks keep saving`, async () => {
    const { server, proxy, ledger, reader, openDesk } = world();
    const started = Date.now();
    const desks = [await openDesk('north'), await openDesk('south')];
    await desks[0]?.signIn('demo.agent');
    await desks[1]?.signIn(DEMO_SECOND_AGENT.userName);

    let working = true;
    const work = async (desk: FaultDesk): Promise<void> => {
      while (working) {
        await ledger.step(desk);
        await sleep(15);
      }
    };
    const agents = desks.map((desk) => work(desk));

    const pushesSeen: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      // Kill right after a push has been handed to the server: before, during or after its commit.
      await proxy.nextForwarded(PUSH);
      await sleep(Math.floor(Math.random() * 25));
      await server.kill();
      pushesSeen.push(proxy.count(PUSH));
      // The desks save on with the server gone, then it comes back on the same data directory.
      await sleep(300);
      await server.restart();
    }
    await sleep(500);
    working = false;
    await Promise.all(agents);

    for (const desk of desks) await desk.waitUntilDrained(20_000);
    const count = await expectServerHoldsExactlyWhatDesksSaved(await reader(), ledger, desks);
    // Pushes the server never answered: cut by a kill after (or before) their commit.
    const unanswered = proxy.log.filter(
      (e) => `${e.method} ${e.path}` === PUSH && e.serverStatus === null,
    ).length;
    console.info(
      `server killed ${KILLS}×: ${count.saved} records saved, ${count.onServer} on the server, ` +
        `${proxy.count(PUSH)} pushes of which ${unanswered} unanswered ` +
        `(kills after push #${pushesSeen.join(', #')}), ${Date.now() - started} ms`,
    );
    expect(server.starts).toBe(KILLS + 1);
    expect(Date.now() - started).toBeLessThan(CASE_MS);
  });
});
