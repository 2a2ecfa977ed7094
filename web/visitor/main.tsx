import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Resource } from 'i18next';
import '../common/base.css';
import './visitor.css';
import { createI18n, preferredLanguage, visitorLanguages, type VisitorLanguage } from '../common/i18n.js';
import { visitorNl } from '../common/locales/visitor.nl.js';
import { mailboxNl } from '../common/locales/mailbox.nl.js';
import { VisitorChat } from './chatClient.js';
import { App } from './App.js';
import { getOfferedLanguages, getQuickExitUrl, isOffered, loadConfig, whenConfigLoaded } from './config.js';
import { onPartnerExitRequest, widgetLanguage } from './partnerFrame.js';
import { loadStrings } from './visitorLocales.js';
import { takeReferralFromAddress } from './referral.js';
import { visibilityNl } from '../common/locales/visibility.nl.js';

/** How long a page in another language than Dutch waits for the settings (is it switched off?). */
const configWaitMs = 1500;

const chat = new VisitorChat();
// Her open chat's language, else the one a partner's widget asked for, else her browser's.
const browserLanguages = navigator.languages?.length ? navigator.languages : [navigator.language];
const restored = chat.restore();
const choose = (offered: readonly VisitorLanguage[]): VisitorLanguage => {
  const asked = restored ?? widgetLanguage();
  if (asked) return offered.includes(asked) ? asked : 'nl';
  return preferredLanguage(browserLanguages, offered) ?? 'nl';
};
void loadConfig();
takeReferralFromAddress();
// In a partner's widget, Escape on the partner page arrives as a message.
onPartnerExitRequest(() => void chat.quickExit(getQuickExitUrl()));
// A closed tab says so as it goes, so her place is held but no counsellor is offered an empty tab.
addEventListener('pagehide', () => chat.leaving());

async function boot(): Promise<void> {
  let language = choose(visitorLanguages);
  const resources: Resource = { nl: { translation: { ...visitorNl, ...mailboxNl, visibility: visibilityNl } } };
  if (language !== 'nl') {
    // Her language's strings and the settings come in together; an administrator may have
    // switched that language off, and then the page speaks Dutch (or her next language).
    const strings = loadStrings(language).catch(() => null);
    await Promise.race([whenConfigLoaded(), new Promise((resolve) => setTimeout(resolve, configWaitMs))]);
    const offered = choose(getOfferedLanguages());
    if (offered === language && isOffered(language)) {
      const loaded = await strings;
      if (loaded) resources[language] = { translation: loaded };
      else language = 'nl';
    } else {
      language = offered;
      if (language !== 'nl') {
        const loaded = await loadStrings(language).catch(() => null);
        if (loaded) resources[language] = { translation: loaded };
        else language = 'nl';
      }
    }
  }
  chat.setLanguage(language);
  const i18n = await createI18n(resources, language, visitorLanguages);
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <App chat={chat} />
    </I18nextProvider>,
  );
}
void boot();
