// Drivers for the walk-up pages the desk server serves: the entrance kiosk and the lobby board, read
// and tapped like a person would (roles and accessible names only). They never call the API themselves.

import type { Locator, Page } from 'playwright-core';
import type { WalkUpAccount } from './walk-up-server';

const READY_TIMEOUT_MS = 30_000;

/** Signs in on a walk-up page's own Sign in screen, when it shows one (the token is kept after that). */
async function signInIfAsked(page: Page, account: WalkUpAccount): Promise<void> {
  const userName = page.getByRole('textbox', { name: 'User name', exact: true });
  await userName.waitFor({ timeout: READY_TIMEOUT_MS });
  await userName.fill(account.userName);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await userName.waitFor({ state: 'detached', timeout: READY_TIMEOUT_MS });
}

/** The entrance tablet: identify (typed or scanned) or guest, a reason, then the position and wait. */
export class KioskPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  static async open(
    page: Page,
    serverUrl: string,
    location: string,
    account: WalkUpAccount,
  ): Promise<KioskPage> {
    await page.goto(
      `${serverUrl.replace(/\/+$/, '')}/kiosk.html?location=${encodeURIComponent(location)}`,
    );
    await signInIfAsked(page, account);
    const kiosk = new KioskPage(page);
    await kiosk.identifierField().waitFor({ timeout: READY_TIMEOUT_MS });
    return kiosk;
  }

  /** The one field a person types (or a badge reader "types") their employee id, email or badge into. */
  identifierField(): Locator {
    return this.page.getByRole('textbox', { name: 'Employee id, email or badge number' });
  }

  /** A badge reader is a keyboard that ends with Enter: typed, then Enter, no button. */
  async scan(identifier: string): Promise<void> {
    const field = this.identifierField();
    await field.click();
    await field.pressSequentially(identifier);
    await field.press('Enter');
  }

  async checkInAsGuest(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Check in as a guest', exact: true }).click();
    const field = this.page.getByRole('textbox', { name: 'Your name', exact: true });
    await field.fill(name);
    await field.press('Enter');
  }

  /** Taps the reason's button; the kiosk then checks the person in. */
  async pickReason(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: reason, exact: true }).click();
  }

  /** The kiosk's status line once checked in: "You are next in the queue." or "You are number N …". */
  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /queue|called|served|go to/i });
  }

  /** The position the kiosk tells the person (next = 1). */
  async position(): Promise<number> {
    const status = this.status();
    await status.waitFor({ timeout: READY_TIMEOUT_MS });
    const text = (await status.innerText()).replace(/\s+/g, ' ');
    if (/\bnext\b/i.test(text)) return 1;
    const number = /number (\d+)/i.exec(text)?.[1];
    if (number === undefined) throw new Error(`The kiosk names no position: "${text}"`);
    return Number(number);
  }

  /** Done: back to the first screen for the next person (it also resets by itself after a minute). */
  async finish(): Promise<void> {
    await this.page.getByRole('button', { name: 'Done', exact: true }).click();
    await this.identifierField().waitFor({ timeout: READY_TIMEOUT_MS });
  }

  /** Everything the kiosk says right now, on one line. */
  async text(): Promise<string> {
    return (await this.page.locator('body').innerText()).replace(/\s+/g, ' ');
  }

  /** The exit survey's one-tap rating buttons (1–5), once a visit of this kiosk is Done. */
  ratingButton(rating: number): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${rating}\\b`) });
  }

  /** The survey: an optional comment first, then one tap on the rating sends it. */
  async rate(rating: number, comment = ''): Promise<void> {
    if (comment !== '')
      await this.page.getByRole('textbox', { name: /Anything to add/ }).fill(comment);
    await this.ratingButton(rating).click();
    await this.page
      .getByRole('heading', { name: 'Thank you!' })
      .waitFor({ timeout: READY_TIMEOUT_MS });
  }
}

/** Counts the chimes a page plays: every oscillator started on a Web Audio context (no speakers needed). */
export async function countChimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { deskpadChimes: number };
    w.deskpadChimes = 0;
    const proto = OscillatorNode.prototype;
    const start: (this: OscillatorNode, when?: number) => void = Reflect.get(proto, 'start');
    Reflect.set(proto, 'start', function (this: OscillatorNode, when?: number) {
      w.deskpadChimes += 1;
      start.call(this, when);
    });
  });
}

/** The board in the waiting area: lines of the queue, who is called and served where, the estimate. */
export class LobbyPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  static async open(
    page: Page,
    serverUrl: string,
    location: string,
    account: WalkUpAccount,
  ): Promise<LobbyPage> {
    await countChimes(page);
    await page.goto(
      `${serverUrl.replace(/\/+$/, '')}/lobby.html?location=${encodeURIComponent(location)}`,
    );
    await signInIfAsked(page, account);
    const lobby = new LobbyPage(page);
    await lobby.waiting().waitFor({ timeout: READY_TIMEOUT_MS });
    await lobby.turnOnChime();
    return lobby;
  }

  /** The board's Waiting part (a section named by its heading). */
  waiting(): Locator {
    return this.page.getByRole('region', { name: 'Waiting', exact: true });
  }

  /** Each waiting line's text, in the board's order (the header row left out). */
  async waitingNames(): Promise<string[]> {
    const lines = this.waiting()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
    return (await lines.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The "Now calling" part: who is called, to which station; a fresh call is highlighted. */
  called(): Locator {
    return this.page.getByRole('region', { name: 'Now calling', exact: true });
  }

  /** A browser keeps sound off until someone touches the page: staff tap this once when it shows. */
  async turnOnChime(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Turn on the chime', exact: true });
    if ((await button.count()) > 0) await button.click();
  }

  async chimes(): Promise<number> {
    return this.page.evaluate(
      () => (window as unknown as { deskpadChimes?: number }).deskpadChimes ?? 0,
    );
  }

  async text(): Promise<string> {
    return (await this.page.locator('body').innerText()).replace(/\s+/g, ' ');
  }
}
