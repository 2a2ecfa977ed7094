import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../common/base.css';
import './visitor.css';
import { createI18n, preferredLanguage } from '../common/i18n.js';
import { visitorNl } from '../common/locales/visitor.nl.js';
import { visitorEn } from '../common/locales/visitor.en.js';
import { mailboxNl } from '../common/locales/mailbox.nl.js';
import { mailboxEn } from '../common/locales/mailbox.en.js';
import { VisitorChat } from './chatClient.js';
import { App } from './App.js';
import { getQuickExitUrl, loadConfig } from './config.js';
import { onPartnerExitRequest, widgetLanguage } from './partnerFrame.js';
import { takeReferralFromAddress } from './referral.js';
import { visibilityNl } from '../common/locales/visibility.nl.js';
import { visibilityEn } from '../common/locales/visibility.en.js';

const chat = new VisitorChat();
// Her open chat's language, else the one a partner's widget asked for, else her browser's.
const browserLanguages = navigator.languages?.length ? navigator.languages : [navigator.language];
const language = chat.restore() ?? widgetLanguage() ?? preferredLanguage(browserLanguages) ?? 'nl';
void loadConfig();
takeReferralFromAddress();
// In a partner's widget, Escape on the partner page arrives as a message.
onPartnerExitRequest(() => void chat.quickExit(getQuickExitUrl()));
// A closed tab says so as it goes, so her place is held but no counsellor is offered an empty tab.
addEventListener('pagehide', () => chat.leaving());
void createI18n({ nl: { translation: { ...visitorNl, visibility: visibilityNl, ...mailboxNl } }, en: { translation: { ...visitorEn, visibility: visibilityEn, ...mailboxEn } } }, language).then((i18n) => {
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <App chat={chat} />
    </I18nextProvider>,
  );
});
