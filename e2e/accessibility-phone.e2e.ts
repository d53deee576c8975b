// axe-core over the phone desk's real screens (issue 13): the incoming-call banner while a call rings,
// the Calls section with a missed call, and the interaction form in Wrap Up after a hangup. Calls come
// from the phone-system simulator through the real CTI endpoint. Any violation fails with where.

import { describe, it } from 'vitest';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk } from './support/desk';
import { expectNoAxeViolations } from './support/axe';
import { useBrowser, useDeskServerApp } from './support/harness';
import { PhoneDesk } from './support/phone-desk';
import { createCtiIntegration } from './support/phone-server';
import { PhoneSystem } from './support/phone-system';
import { prepareLocation } from './support/walk-up-server';

const app = useDeskServerApp();
const browser = useBrowser();

const forTheAgent = {
  user: [DEMO_AGENT.name],
  answering: { name: DEMO_AGENT.name, answeringNumber: DEMO_AGENT.userName },
};

describe('Accessibility of the phone desk (axe-core)', () => {
  it('finds no violations on the banner, the Calls section and the Wrap Up form', async (test) => {
    const serverUrl = app.server().url;
    const location = await prepareLocation(serverUrl, {});
    const phone = new PhoneSystem(
      await createCtiIntegration(serverUrl, 'Phone axe', location),
      'form',
    );
    // The app's CSP (script-src 'self') rightly refuses the injected axe script; lifted for this check only.
    const tab = await browser.newPage(test, { bypassCSP: true }, 'desk');
    const agent = new PhoneDesk(await Desk.signIn(tab.page, app.url(), DEMO_AGENT));

    const missed = phone.call('inbound-missed', forTheAgent);
    await missed.ring();
    await agent.banners().first().waitFor();
    await expectNoAxeViolations(tab.page, 'the incoming-call banner of a known caller');
    const unknown = phone.call('unknown-number', forTheAgent);
    await unknown.ring();
    await agent.banner(/^Incoming call\s+Unknown caller/).waitFor();
    await expectNoAxeViolations(tab.page, 'two banners, one of an unknown caller');
    await missed.hangUp();

    const calls = await agent.showCalls();
    await calls.getByRole('row').filter({ hasText: 'Missed' }).first().waitFor();
    await expectNoAxeViolations(tab.page, 'the Calls section with a missed call');

    await unknown.answer();
    await agent.callTimer().waitFor();
    await unknown.hangUp();
    await agent.wrapUpTimer().waitFor();
    await expectNoAxeViolations(tab.page, 'the interaction form in Wrap Up');
  });
});
