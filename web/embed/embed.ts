// The partner widget, a classic script a partner site includes with
//   <script src="https://baken.example/embed.js" defer></script>
// It adds a floating "Chat anoniem" button that opens Baken's visitor page in a frame, and makes
// quick exit (the button in the frame, or Escape on the partner page) leave the whole partner
// page, not just the frame. It writes no cookies and no storage on the partner page, sets no
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
import { widgetCss } from './widgetCss.js';

// All seven are bundled in: five short strings each, a few hundred bytes, no second request.
const strings: Record<VisitorLanguage, typeof embedNl> = { nl: embedNl, en: embedEn, pl: embedPl, ro: embedRo, bg: embedBg, uk: embedUk, ar: embedAr };

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

  const host = document.createElement('div');
  host.setAttribute('data-baken-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  applyStyle(root, widgetCss);
  // lang and dir on the widget itself: an Arabic widget reads and sits right to left.
  const region = element('aside', { 'aria-label': text.region, lang: language, dir: languageInfo[language].dir });
  const launcher = element('button', { type: 'button', class: 'launcher' }, text.open);
  const panel = element('div', { id: 'baken-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'baken-title' });
  panel.hidden = true;
  const bar = element('div', { class: 'bar' });
  const close = element('button', { type: 'button', class: 'close' }, text.close);
  bar.append(element('span', { id: 'baken-title', class: 'title' }, text.title), close);
  panel.append(bar);
  region.append(launcher, panel);
  root.append(region);
  document.body.append(host);

  let frame: HTMLIFrameElement | null = null;
  let exitFallback: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = `${bakenOrigin}/?lang=${language}`;
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
