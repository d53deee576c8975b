// Issue 16 item 4's authoring screen end to end, by keyboard, on a real desk server: a technician
// opens Administration (which shows them Knowledge only), writes a printer article — a missing body
// said first — saves it, submits it for review and publishes it; a desk agent, who is offered no
// Administration and whom the server refuses with 403, then sees the article suggested beside the
// interaction form as they type the short description. axe-clean; a screenshot of the editor.

import { expect, it } from 'vitest';
import { DEMO_PRINTER_EXAMPLE } from '../shared/demo/incident-generator';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_AGENT, DEMO_TECHNICIAN } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';
import { adminCall, signInApi } from './support/walk-up-server';

const app = useDeskServerApp({ historyDays: 0 });
const browser = useBrowser();

it('a technician writes, submits and publishes an article by keyboard; an agent’s form suggests it', async (test) => {
  const title = uniqueText('Printer leaves grey streaks');
  const { page } = await browser.newPage(test, { bypassCSP: true, locale: 'en-US' }, 'technician');
  const tech = await Desk.signIn(page, app.url(), DEMO_TECHNICIAN);

  await tech.press(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Administration' }),
  );
  const adminNav = page.getByRole('navigation', { name: 'Administration' });
  await adminNav.getByRole('button', { name: 'Knowledge' }).waitFor();
  expect(await adminNav.getByRole('button').allTextContents()).toEqual(['Knowledge']);

  await tech.press(page.getByRole('button', { name: 'Write an article' }));
  const form = page.getByRole('form', { name: 'New article' });
  await form.getByRole('checkbox', { name: 'Printer', exact: true }).waitFor();
  await tech.reach(form.getByRole('textbox', { name: 'Title' }));
  await tech.typeKeys(title);
  // Enter in Title is Save draft: the empty body is said by its field, and focus goes there.
  await tech.key('Enter');
  await form.getByText('Write the article: the body is empty.').waitFor();
  const body = form.getByRole('textbox', { name: 'Body' });
  await expect.poll(() => body.evaluate((e) => e === document.activeElement)).toBe(true);
  await tech.typeKeys(
    '## Clean the fuser\n1. Switch the printer off.\n2. Print the **cleaning page** from the menu.',
  );
  await tech.reach(form.getByRole('textbox', { name: 'Keywords' }));
  await tech.typeKeys('toner, streaks, smudges');
  await tech.reach(form.getByRole('checkbox', { name: 'Printer', exact: true }));
  await tech.key('Space');
  await tech.reach(form.getByLabel('Valid until'));
  await tech.typeKeys('12312099');
  await tech.press(form.getByRole('button', { name: 'Save draft' }));
  const saved = page.getByRole('form', { name: title });
  await saved.getByRole('status').filter({ hasText: 'Saved as a draft (revision 1).' }).waitFor();

  await tech.press(saved.getByRole('button', { name: 'Submit for review' }));
  await saved.getByText(/^Submitted for review/).waitFor();
  await tech.press(saved.getByRole('button', { name: 'Publish' }));
  await saved
    .getByText('Published revision 1: desks suggest it from their next directory sync.')
    .waitFor();
  const history = page.getByRole('table', { name: 'Revisions' });
  expect(await history.getByRole('row').nth(1).textContent()).toMatch(
    new RegExp(`^1 \\(on the desks\\)${title}${DEMO_TECHNICIAN.name}`),
  );
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByRole('heading', { name: 'Clean the fuser' }).waitFor();
  await expectNoAxeViolations(page, 'the Knowledge editor after Publish');
  // Tall enough for the whole editor and its revisions in one picture.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: 'test-results/knowledge-authoring.png' });

  // What the server keeps is what was typed.
  const admin = await signInApi(app.url(), 'demo.admin');
  const { articles } = await adminCall<{
    articles: { id: string; title: string; state: string; validUntil: string | null }[];
  }>(admin, 'knowledge.list', { query: title });
  expect(articles).toMatchObject([{ title, state: 'published', validUntil: '2099-12-31' }]);

  await tech.press(saved.getByRole('button', { name: 'Back to the articles' }));
  const row = page
    .getByRole('table', { name: 'Knowledge articles' })
    .getByRole('row', { name: new RegExp(title) });
  expect(await row.textContent()).toContain('Published');
  await expectNoAxeViolations(page, 'the Knowledge list');

  // An agent is offered no Administration, and the server refuses them the operations.
  const agentApi = await signInApi(app.url(), DEMO_AGENT.userName);
  await expect(adminCall(agentApi, 'knowledge.list', {})).rejects.toThrow(/answered 403/);
  const agentSide = await browser.newPage(test, { bypassCSP: true }, 'agent');
  const agent = await Desk.signIn(agentSide.page, app.url(), DEMO_AGENT);
  const mainNav = agentSide.page.getByRole('navigation', { name: 'Main' });
  await mainNav.getByRole('button', { name: 'Interactions' }).waitFor();
  expect(await mainNav.getByRole('button', { name: 'Administration' }).count()).toBe(0);

  await agent.newInteraction();
  await agent.lookUpCaller(DEMO_PRINTER_EXAMPLE.caller.userName);
  await agent.pickFirstMatch('Opened for');
  await agent.typeInto('Short description', 'grey streaks');
  const panel = agentSide.page.getByRole('region', { name: 'Knowledge' });
  // The first directory sync brings the published article to the agent's desk.
  await panel.getByRole('button', { name: title }).waitFor({ timeout: 30_000 });
  expect(await panel.getByRole('button').first().textContent()).toBe(title);
  await expectNoAxeViolations(agentSide.page, 'the agent’s form suggesting the new article');
  await agent.key('Alt+1');
  const dialog = agentSide.page.getByRole('dialog', { name: title });
  await dialog.getByRole('heading', { name: 'Clean the fuser' }).waitFor();
});
