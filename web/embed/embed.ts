// The partner widget, a classic script a partner site includes with
//   <script src="https://baken.example/embed.js" defer data-source="their-token"></script>
// It adds a floating "Chat anoniem" button that opens Baken's visitor page in a frame, and makes
// quick exit (the button in the frame, or Escape on the partner page) leave the whole partner
// page, not just the frame. The button, and any inline badge the partner placed
// (<div data-baken-badge></div>, also without the button: data-launcher="off"), show the chat's
// live status (open, busy with the wait, closed until when), asked again every minute while the
// page is in view. data-source is the partner's referral token: it goes along as ?via= so the
// arrival is counted for that source, never for a person. It writes no cookies and no storage on the partner page, sets no
// globals and loads nothing but Baken itself. Which sites may show the frame is decided by
// Baken's frame-ancestors header (PARTNER_ORIGINS), not here: this script may run anywhere.
import { embedEn } from '../common/locales/embed.en.js';
import { embedNl } from '../common/locales/embed.nl.js';
import { embedPl } from '../common/locales/embed.pl.js';
import { embedRo } from '../common/locales/embed.ro.js';
import { embedBg } from '../common/locales/embed.bg.js';
import { embedUk } from '../common/locales/embed.uk.js';
import { embedAr } from '../common/locales/embed.ar.js';
import { isVisitorLanguage, languageInfo, type VisitorLanguage } from '../../src/protocol/languageInfo.js';
import { exitRequestType, parseLeaveMessage } from '../common/embedMessages.js';
import { badgeEn } from '../common/locales/visibility.en.js';
import { badgeNl } from '../common/locales/visibility.nl.js';
import { badgePl } from '../common/locales/visibility.pl.js';
import { badgeRo } from '../common/locales/visibility.ro.js';
import { badgeBg } from '../common/locales/visibility.bg.js';
import { badgeUk } from '../common/locales/visibility.uk.js';
import { badgeAr } from '../common/locales/visibility.ar.js';
import { parseReferralToken } from '../../src/domain/visibility/referralToken.js';
import { widgetCss } from './widgetCss.js';
import { statusText } from './statusText.js';

/** How often the status is asked again while the partner page is in view. */
const statusRefreshMs = 60_000;

// All seven are bundled in: a few short strings each, no second request.
const strings: Record<VisitorLanguage, typeof embedNl> = { nl: embedNl, en: embedEn, pl: embedPl, ro: embedRo, bg: embedBg, uk: embedUk, ar: embedAr };
const badges: Record<VisitorLanguage, typeof badgeNl> = {
  nl: badgeNl,
  en: badgeEn,
  pl: badgePl,
  ro: badgeRo,
  bg: badgeBg,
  uk: badgeUk,
  ar: badgeAr,
};

/** How long Escape waits for the frame to do the quick exit before just removing the frame. */
const exitFallbackMs = 1500;

// Only readable while the script first runs, so taken now.
const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.src) {
  if (document.body) install(script);
  else document.addEventListener('DOMContentLoaded', () => install(script), { once: true });
}

function install(script: HTMLScriptElement): void {
  if (document.querySelector('[data-baken-widget]')) return; // included twice
  const bakenOrigin = new URL(script.src).origin;
  // The partner's data-lang, else its page's lang, by base language (pl-PL is Polish); else Dutch.
  const base = (script.dataset.lang || document.documentElement.lang || 'nl').trim().toLowerCase().split(/[-_]/)[0];
  const language: VisitorLanguage = isVisitorLanguage(base) ? base : 'nl';
  const text = strings[language];
  const badgeText = badges[language];
  const source = parseReferralToken(script.dataset.source);
  const startUrl = (via: string | null) => `${bakenOrigin}/?lang=${language}${via ? `&via=${via}` : ''}`;
  const statusViews: HTMLElement[] = [];

  const host = document.createElement('div');
  host.setAttribute('data-baken-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  applyStyle(root, widgetCss);
  document.body.append(host);
  const withLauncher = script.dataset.launcher !== 'off';
  const open = withLauncher ? installLauncher(root, host, bakenOrigin, text, startUrl(source), statusViews, language) : undefined;
  for (const badge of document.querySelectorAll<HTMLElement>('[data-baken-badge]')) {
    installBadge(badge, badgeText.link, startUrl(parseReferralToken(badge.dataset.source) ?? source), open, statusViews);
  }
  followStatus(bakenOrigin, (status) => {
    const shown = statusText(status, badgeText, language);
    for (const view of statusViews) {
      // Only a change is written, so a screen reader hears the badge when the status changes.
      if (view.textContent !== (shown?.text ?? '')) view.textContent = shown?.text ?? '';
      view.dataset.state = shown?.state ?? '';
    }
  });
}

/** The floating button and the chat panel; returns what opens the panel. */
function installLauncher(
  root: ShadowRoot,
  host: HTMLElement,
  bakenOrigin: string,
  text: typeof embedNl,
  frameUrl: string,
  statusViews: HTMLElement[],
  language: VisitorLanguage,
): () => void {
  // lang and dir on the widget itself: an Arabic widget reads and sits right to left.
  const region = element('aside', { 'aria-label': text.region, lang: language, dir: languageInfo[language].dir });
  const launcher = element('button', { type: 'button', class: 'launcher' });
  const status = element('span', { class: 'status' });
  launcher.append(element('span', {}, text.open), status);
  statusViews.push(status);
  const panel = element('div', { id: 'baken-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'baken-title' });
  panel.hidden = true;
  const bar = element('div', { class: 'bar' });
  const close = element('button', { type: 'button', class: 'close' }, text.close);
  bar.append(element('span', { id: 'baken-title', class: 'title' }, text.title), close);
  panel.append(bar);
  region.append(launcher, panel);
  root.append(region);

  let frame: HTMLIFrameElement | null = null;
  let exitFallback: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = frameUrl;
      frame.title = text.frame;
      // The frame learns only the partner's origin, to check where its quick exit message goes.
      frame.referrerPolicy = 'origin';
      panel.append(frame);
    }
    panel.hidden = false;
    launcher.hidden = true;
    document.addEventListener('keydown', onKey, true);
    frame.focus();
  };

  const hide = () => {
    panel.hidden = true;
    launcher.hidden = false;
    document.removeEventListener('keydown', onKey, true);
  };

  // Escape on the partner page while the chat is open: hide it at once and ask the frame to do
  // its quick exit (end the chat, wipe its tab state); it answers with where to go.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    event.preventDefault();
    event.stopPropagation();
    hide();
    frame?.contentWindow?.postMessage({ type: exitRequestType }, bakenOrigin);
    clearTimeout(exitFallback);
    exitFallback = setTimeout(() => {
      // No answer (the frame was still loading, or refused): at least the chat is gone.
      frame?.remove();
      frame = null;
    }, exitFallbackMs);
  };

  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== bakenOrigin) return;
    const url = parseLeaveMessage(event.data);
    if (!url) return;
    clearTimeout(exitFallback);
    host.remove();
    // The neutral site must not learn where she was, whatever the partner's referrer policy.
    const noReferrer = document.createElement('meta');
    noReferrer.name = 'referrer';
    noReferrer.content = 'no-referrer';
    document.head.append(noReferrer);
    // Replace, not navigate: Back must not return to the page that had the chat open.
    location.replace(url);
  });

  launcher.addEventListener('click', open);
  close.addEventListener('click', () => {
    hide();
    launcher.focus();
  });
  return open;
}

/**
 * An inline badge in the partner's own text: a link to the chat and the live status beside it
 * (a polite live region). With the floating button on the page the link opens its panel; on its
 * own it goes to Baken's start page in the same tab.
 */
function installBadge(badge: HTMLElement, linkText: string, href: string, open: (() => void) | undefined, statusViews: HTMLElement[]): void {
  if (badge.shadowRoot) return;
  const root = badge.attachShadow({ mode: 'open' });
  applyStyle(root, widgetCss);
  const link = element('a', { href, class: 'badge-link' }, linkText);
  if (open) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
  }
  const status = element('span', { class: 'status', role: 'status' });
  const wrap = element('span', { class: 'badge' });
  wrap.append(link, status);
  root.append(wrap);
  statusViews.push(status);
}

/** Asks for the status now and every minute while the page is in view; not while it is hidden. */
function followStatus(bakenOrigin: string, show: (status: unknown) => void): void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const ask = () =>
    fetch(`${bakenOrigin}/api/status`, { credentials: 'omit' })
      .then((res) => (res.ok ? res.json() : null))
      .then(show, () => show(null));
  const schedule = () => {
    clearInterval(timer);
    timer = document.hidden ? undefined : setInterval(ask, statusRefreshMs);
  };
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) void ask();
    schedule();
  });
  void ask();
  schedule();
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/** A constructed style sheet, which a strict CSP on the partner page still allows; else <style>. */
function applyStyle(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
