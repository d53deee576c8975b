// Drivers for the walk-up pages the desk server serves: the entrance kiosk and the lobby board, read
// and tapped like a person would (roles and accessible names only). They never call the API themselves.

import { expect } from 'vitest';
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
    return this.page.getByRole('textbox', { name: /employee id|email|badge/i });
  }

  /** A badge reader is a keyboard that ends with Enter: typed, then Enter, no button. */
  async scan(identifier: string): Promise<void> {
    const field = this.identifierField();
    await field.click();
    await field.pressSequentially(identifier);
    await field.press('Enter');
  }

  async checkInAsGuest(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /guest/i }).click();
    const field = this.page.getByRole('textbox', { name: /name/i });
    await field.fill(name);
    await field.press('Enter');
  }

  /** Taps the reason's button; the kiosk then checks the person in. */
  async pickReason(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: reason, exact: true }).click();
  }

  /** "You are number N" / "Position N": the number the kiosk shows once checked in. */
  async position(): Promise<number> {
    let seen = '';
    await expect
      .poll(
        async () => {
          seen = (await this.page.locator('body').innerText()).replace(/\s+/g, ' ');
          return /(?:number|position|#)\s*(\d+)/i.test(seen);
        },
        { timeout: READY_TIMEOUT_MS },
      )
      .toBe(true);
    return Number(/(?:number|position|#)\s*(\d+)/i.exec(seen)?.[1]);
  }

  /** Everything the kiosk says right now, on one line. */
  async text(): Promise<string> {
    return (await this.page.locator('body').innerText()).replace(/\s+/g, ' ');
  }

  /** The exit survey's one-tap rating buttons (1–5), once a visit of this kiosk is Done. */
  ratingButton(rating: number): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${rating}\\b`) });
  }

  async rate(rating: number, comment = ''): Promise<void> {
    await this.ratingButton(rating).click();
    if (comment !== '') {
      const field = this.page.getByRole('textbox', { name: /comment/i });
      await field.fill(comment);
    }
    const send = this.page.getByRole('button', { name: /^(Send|Submit|Done|Finish)/i });
    if ((await send.count()) > 0) await send.first().click();
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
    await page.getByRole('heading').first().waitFor({ timeout: READY_TIMEOUT_MS });
    return lobby;
  }

  /** The waiting list, in the board's order. */
  waiting(): Locator {
    return this.page.getByRole('list', { name: /waiting/i });
  }

  async waitingNames(): Promise<string[]> {
    return this.waiting().getByRole('listitem').allInnerTexts();
  }

  /** The called / being served part of the board. */
  called(): Locator {
    return this.page.getByRole('list', { name: /called|now serving|being served/i });
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
