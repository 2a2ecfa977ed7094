// Not a test: `npx tsx e2e/support/screenshots.ts` writes screenshots of every screen to
// /tmp/baken-shots (phone 360×740 and desktop), for looking at the pages by eye.
import fs from 'node:fs';
import { desktop, launchBrowser, newContext, phone } from './browser.js';
import { startE2EServer } from './server.js';
import { acceptFromQueue, sendFrom, signIn, startVisitorChat } from './flows.js';

const out = process.env.SHOTS_DIR ?? '/tmp/baken-shots';
fs.mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
const server = await startE2EServer();
try {
  const admin = await server.createStaff('admin', { displayName: 'Beheer' });
  const inge = await server.createStaff('counsellor', { displayName: 'Inge' });
  const v = await (await newContext(browser, phone)).newPage();
  const c = await (await newContext(browser, desktop)).newPage();
  const shot = (page: typeof v, name: string) => page.screenshot({ path: `${out}/${name}.png` });

  await v.goto(`${server.url}/`);
  await v.getByRole('button', { name: 'Start de chat' }).waitFor();
  await shot(v, 'v1-start');
  await v.goto(`${server.url}/privacy`);
  await v.getByRole('heading', { name: /Privacy/ }).waitFor();
  await v.screenshot({ path: `${out}/v2-privacy.png`, fullPage: true });
  await c.goto(`${server.url}/console`);
  await c.getByRole('button', { name: 'Inloggen' }).waitFor();
  await shot(c, 'c1-login');
  await signIn(c, server.url, inge.username, inge.password);
  await startVisitorChat(v, server.url, 'Roos');
  await sendFrom(v, 'Jouw bericht', 'hoi, ik weet niet goed hoe ik moet beginnen');
  await shot(v, 'v3-waiting');
  await c.getByRole('button', { name: 'Chat met Roos aannemen' }).waitFor();
  await shot(c, 'c2-queue');
  await acceptFromQueue(c, 'Roos');
  await sendFrom(c, 'Bericht aan Roos', 'Hoi Roos, fijn dat je er bent. Ik ben Inge. Vertel maar wat er aan de hand is, je hoeft niets te zeggen wat je niet wilt.');
  await sendFrom(v, 'Jouw bericht', 'ik moet werken voor iemand en ik krijg geen geld. zie https://voorbeeld.nl');
  await c.getByLabel('Bericht aan Roos').pressSequentially('Dank');
  await v.getByText('Inge is aan het typen…').waitFor();
  await v.getByLabel('Jouw bericht').fill('x'.repeat(3900));
  await shot(v, 'v4-chat');
  await v.getByLabel('Jouw bericht').fill('');
  await shot(c, 'c3-chat');
  await c.getByRole('button', { name: 'Waarschuwen of blokkeren' }).click();
  await c.getByRole('button', { name: 'Waarschuwing sturen' }).click();
  await v.getByText('Let op:', { exact: false }).waitFor();
  await shot(c, 'c3b-warn-block');
  await shot(v, 'v4b-warned');
  await v.getByRole('button', { name: 'Chat stoppen' }).click();
  await shot(v, 'v5-confirm-end');
  await v.getByRole('button', { name: 'Ja, stoppen' }).click();
  await v.getByRole('heading', { name: 'De chat is gestopt' }).waitFor();
  await shot(v, 'v6-ended');
  await shot(c, 'c4-ended');
  const a = await (await newContext(browser, desktop)).newPage();
  await signIn(a, server.url, admin.username, admin.password);
  await a.getByText('Inge').first().waitFor();
  await shot(a, 'c5-staff');
  await a.getByRole('button', { name: 'Auditlog' }).click();
  await a.locator('tbody tr').first().waitFor();
  await a.getByRole('button', { name: 'Keten controleren' }).click();
  await a.getByText('De keten is intact', { exact: false }).waitFor();
  await a.screenshot({ path: `${out}/c6-audit.png`, fullPage: true });
  const d = await (await newContext(browser, desktop)).newPage();
  await d.goto(`${server.url}/`);
  await d.getByRole('button', { name: 'Start de chat' }).waitFor();
  await shot(d, 'v7-start-desktop');
  // The other languages: Polish and Arabic (right to left) start pages, an Arabic chat, and the
  // administrator's language switches.
  for (const locale of ['pl-PL', 'ar-MA']) {
    const p = await (await newContext(browser, { ...phone, locale })).newPage();
    await p.goto(`${server.url}/`);
    await p.locator('h1').waitFor();
    await shot(p, `v8-start-${locale.slice(0, 2)}`);
  }
  const ar = await (await newContext(browser, { ...phone, locale: 'ar-MA' })).newPage();
  await ar.goto(`${server.url}/`);
  await ar.getByLabel('بماذا نناديك؟', { exact: false }).fill('سلمى');
  await ar.getByRole('button', { name: 'ابدأ الدردشة' }).click();
  await ar.getByRole('button', { name: 'تخطَّ الأسئلة' }).click();
  await sendFrom(ar, 'رسالتك', 'مرحبا، أحتاج إلى مساعدة');
  await acceptFromQueue(c, 'سلمى');
  await sendFrom(c, 'Bericht aan سلمى', 'Hello, I am Inge. I am here for you.');
  await ar.getByText('Hello, I am Inge.', { exact: false }).waitFor();
  await shot(ar, 'v9-chat-ar');
  await shot(c, 'c7-chat-ar');
  await a.getByRole('button', { name: 'Instellingen' }).click();
  await a.getByRole('heading', { name: 'Talen voor bezoekers' }).scrollIntoViewIfNeeded();
  await shot(a, 'c8-settings-languages');
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
