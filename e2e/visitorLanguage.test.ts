// The visitor page speaks her browser's language when it is one we have (by base language:
// en-GB and en-US are English, pl-PL is Polish), loads only that language's strings, and at
// 360 px wide nothing in it overflows, in any of its seven languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/server/testing/testServer.js';
import { newContext, phone } from './support/browser.js';
import { startBrowserAndServer, stopBrowserAndServer } from './support/suite.js';
import { horizontalOverflow } from './support/layout.js';

const dutchTitle = 'Praat anoniem met iemand die je helpt';
const englishTitle = 'Talk anonymously with someone who can help';
const polishTitle = 'Porozmawiaj anonimowo z kimś, kto może pomóc';
/** Each language's start-page title (what a visitor reading it sees first). */
const titles: [string, string][] = [
  ['nl-NL', dutchTitle],
  ['en-GB', englishTitle],
  ['pl-PL', polishTitle],
  ['ro-RO', 'Vorbește anonim cu cineva care te poate ajuta'],
  ['bg-BG', 'Говори анонимно с някого, който може да помогне'],
  ['uk-UA', 'Поговори анонімно з тим, хто може допомогти'],
  ['ar-MA', 'تحدّث دون ذكر اسمك مع شخص يستطيع المساعدة'],
];

describe('the visitor page’s language', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => ({ browser, server } = await startBrowserAndServer()));
  afterAll(() => stopBrowserAndServer({ browser, server }));

  async function open(locale: string, languages?: string[]) {
    const context = await newContext(browser, { ...phone, locale });
    if (languages) {
      await context.addInitScript((list) => Object.defineProperty(Navigator.prototype, 'languages', { get: () => list }), languages);
    }
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('h1').waitFor();
    return { context, page };
  }

  it('follows the browser’s list by base language, first match wins, Dutch otherwise', async () => {
    const cases: [string, string[] | undefined, string, string][] = [
      ['en-GB', undefined, englishTitle, 'en'],
      ['en-US', undefined, englishTitle, 'en'],
      ['nl-BE', undefined, dutchTitle, 'nl'],
      ['de-DE', ['de-DE', 'fr-FR', 'en-US', 'nl-NL'], englishTitle, 'en'],
      ['de-DE', ['de-DE', 'nl-BE', 'en'], dutchTitle, 'nl'],
      ['de-DE', ['de-DE', 'fr'], dutchTitle, 'nl'],
      ['pl-PL', undefined, polishTitle, 'pl'],
      ['de-DE', ['de-DE', 'pl', 'en'], polishTitle, 'pl'],
    ];
    for (const [locale, languages, title, lang] of cases) {
      const { context, page } = await open(locale, languages);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang), `${locale} ${languages?.join(',') ?? ''}`).toBe(lang);
      await context.close();
    }
  });

  it('loads the strings of her language only, and the list shows each language in its own name', async () => {
    const context = await newContext(browser, { ...phone, locale: 'pl-PL' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: polishTitle }).waitFor();
    expect(scripts.filter((s) => s.includes('visitor-strings-')).map((s) => /visitor-strings-(\w+)-/.exec(s)?.[1])).toEqual(['pl']);
    // The list: the page's own word for it, each language in itself, marked with its lang.
    const list = page.getByRole('combobox', { name: 'Język' });
    const options = await list.locator('option').evaluateAll((all) => all.map((o) => `${o.getAttribute('lang')}:${o.textContent}`));
    expect(options).toEqual(['nl:Nederlands', 'en:English', 'pl:Polski', 'ro:Română', 'bg:Български', 'uk:Українська', 'ar:العربية']);
    // Chosen by hand: Romanian's strings load only now.
    await list.selectOption('ro');
    await page.getByRole('heading', { level: 1, name: titles[3]![1] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ro');
    expect(scripts.filter((s) => s.includes('visitor-strings-')).length).toBe(2);
    await context.close();
  });

  it('has nothing overflowing at 360×740, in every language, on the start and privacy pages', async () => {
    for (const [locale, title] of titles) {
      const { context, page } = await open(locale);
      expect(page.viewportSize()).toEqual({ width: 360, height: 740 });
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await horizontalOverflow(page), `${locale} start`).toEqual([]);
      // The service's name has room enough not to be cut off.
      expect(await page.locator('.v-brand-name').evaluate((el) => el.scrollWidth <= el.clientWidth), `${locale} name in full`).toBe(true);
      await page.goto(`${server.url}/privacy`);
      await page.locator('h1').waitFor();
      expect(await horizontalOverflow(page), `${locale} privacy`).toEqual([]);
      await context.close();
    }
  });
});
