import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../common/base.css';
import './console.css';
import './toolkit/toolkit.css';
import { createI18n } from '../common/i18n.js';
import { consoleNl } from '../common/locales/console.nl.js';
import { consoleEn } from '../common/locales/console.en.js';
import { routingNl } from '../common/locales/routing.nl.js';
import { routingEn } from '../common/locales/routing.en.js';
import { securityNl } from '../common/locales/security.nl.js';
import { securityEn } from '../common/locales/security.en.js';
import { auditNl } from '../common/locales/audit.nl.js';
import { auditEn } from '../common/locales/audit.en.js';
import { mailboxDeskNl } from '../common/locales/mailboxDesk.nl.js';
import { mailboxDeskEn } from '../common/locales/mailboxDesk.en.js';
import { figuresNl } from '../common/locales/figures.nl.js';
import { figuresEn } from '../common/locales/figures.en.js';
import { noticesNl } from '../common/locales/notices.nl.js';
import { noticesEn } from '../common/locales/notices.en.js';
import { partnersNl } from '../common/locales/partners.nl.js';
import { partnersEn } from '../common/locales/partners.en.js';
import { translationNl } from '../common/locales/translation.nl.js';
import { translationEn } from '../common/locales/translation.en.js';
import { toolkitNl } from '../common/locales/toolkit.nl.js';
import { toolkitEn } from '../common/locales/toolkit.en.js';
import { caseworkNl } from '../common/locales/casework.nl.js';
import { caseworkEn } from '../common/locales/casework.en.js';
import { languagesNl } from '../common/locales/languages.nl.js';
import { languagesEn } from '../common/locales/languages.en.js';
import { App } from './App.js';

// One area per line, so that a new area adds a line.
const nl = [
  consoleNl,
  routingNl,
  securityNl,
  auditNl,
  figuresNl,
  noticesNl,
  mailboxDeskNl,
  partnersNl,
  translationNl,
  toolkitNl,
  caseworkNl,
  languagesNl,
];
const en = [
  consoleEn,
  routingEn,
  securityEn,
  auditEn,
  figuresEn,
  noticesEn,
  mailboxDeskEn,
  partnersEn,
  translationEn,
  toolkitEn,
  caseworkEn,
  languagesEn,
];
const language = 'nl';
void createI18n({ nl: { translation: Object.assign({}, ...nl) }, en: { translation: Object.assign({}, ...en) } }, language).then((i18n) => {
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
});
