// Signs a browser in with a session the test server made (password and second step done over
// HTTP), so tests of other screens do not depend on the sign-in page's steps.
import type { Page } from 'playwright-core';
import type { TestServer } from '../../src/server/testing/testServer.js';

export async function signInAs(page: Page, server: TestServer, account: { username: string; password: string }, path = '/console'): Promise<void> {
  const { cookie } = await server.login(account.username, account.password);
  const eq = cookie.indexOf('=');
  await page.context().addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url }]);
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}
