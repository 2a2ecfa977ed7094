// The privacy page says when confidentiality is broken: the standard words, or the service's own
// rules written by an administrator in the console, per language; emptied, the standard returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { desktop, newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { signInAs } from './support/session.js';
import { chooseVisitorLanguage } from './support/flows.js';

describe('when confidentiality is broken, in the service’s own words', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  it('shows the administrator’s text in Dutch, the standard English text, and the standard again once emptied', async () => {
    const rule = 'Alleen als je leven of dat van een ander in direct gevaar is, bellen we 112.\nDat zeggen we eerst tegen jou.';
    const admin = await server.createStaff('admin', { displayName: 'Beheer' });
    const staffContext = await newContext(browser, desktop);
    const console_ = await staffContext.newPage();
    await signInAs(console_, server, admin);
    await console_.getByRole('button', { name: 'Instellingen' }).click();
    await console_.getByLabel('Wanneer we iets doorvertellen (Nederlands)').fill(rule);
    await console_.getByRole('button', { name: 'Opslaan' }).click();
    await console_.getByText('De instellingen zijn opgeslagen.').waitFor();

    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await page.goto(`${server.url}/privacy`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Wanneer vertellen we iets door?' }) });
    await expect.poll(() => section.locator('p').innerText()).toBe(rule);
    await chooseVisitorLanguage(page, 'English');
    const english = page.locator('section', { has: page.getByRole('heading', { name: 'When do we tell someone else?' }) });
    expect(await english.locator('p').innerText()).toContain('Only if someone’s life is in immediate danger may we call for help.');

    await console_.getByLabel('Wanneer we iets doorvertellen (Nederlands)').fill('');
    await console_.getByRole('button', { name: 'Opslaan' }).click();
    await console_.getByText('De instellingen zijn opgeslagen.').waitFor();
    expect((await server.app.ctx.repos.settings.get()).confidentialityNl).toBeUndefined();
    await page.goto(`${server.url}/privacy`);
    await expect.poll(() => section.locator('p').innerText()).toContain('Alleen als iemands leven in direct gevaar is, mogen we hulp inschakelen.');
    await context.close();
    await staffContext.close();
  });
});
