// An agent at the phone desk in the e2e tests: the incoming-call banner, the interaction a call
// opened (its call timer, Wrap Up), and the Calls section. Finds things by role and accessible name
// only — the names of wip-phone-ui's and wip-phone-wrapup's screens — never by CSS or test ids.

import type { Locator } from 'playwright-core';
import type { Desk } from './desk';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PhoneDesk {
  readonly desk: Desk;

  constructor(desk: Desk) {
    this.desk = desk;
  }

  get page() {
    return this.desk.page;
  }

  /** The banner of a ringing call, named "Incoming call <caller>" (or the number when unknown). */
  banner(caller: string | RegExp): Locator {
    const name =
      typeof caller === 'string' ? new RegExp(`^Incoming call\\s+${escapeRegExp(caller)}`) : caller;
    return this.page.getByRole('article', { name });
  }

  /** Every incoming-call banner on the desk. */
  banners(): Locator {
    return this.page.getByRole('article', { name: /^Incoming call/ });
  }

  /** The form's call timer while the call lasts: "Call 03:12". */
  callTimer(): Locator {
    return this.page.getByRole('timer').filter({ hasText: /^Call\s/ });
  }

  /** The same timer after the hangup, until the agent closes: "Wrap Up 00:41". */
  wrapUpTimer(): Locator {
    return this.page.getByRole('timer').filter({ hasText: /^Wrap Up\s/ });
  }

  /** Its reading in whole seconds ("0:07" → 7, "1:02:03" → 3723). */
  async timerSeconds(timer: Locator = this.callTimer()): Promise<number> {
    const text = (await timer.textContent()) ?? '';
    const parts = /(\d+:)?\d+:\d{2}/.exec(text)?.[0].split(':').map(Number) ?? [];
    if (parts.length === 0) throw new Error(`the timer reads "${text}"`);
    return parts.reduce((total, part) => total * 60 + part, 0);
  }

  /** The Calls section of the main navigation. */
  async showCalls(): Promise<Locator> {
    await this.desk.press(
      this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Calls/ }),
    );
    const section = this.page.getByRole('region', { name: 'Calls', exact: true });
    await section.waitFor();
    return section;
  }

  /** A row of the caller log that mentions `text` (a caller's name or a number). */
  callRow(section: Locator, text: string): Locator {
    return section.getByRole('row').filter({ hasText: text });
  }
}
