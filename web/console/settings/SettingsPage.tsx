// The administrator's service settings: name and logo, routing, opening hours, alternatives, privacy.
// The server validates; its messages appear next to the fields they are about.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceSettings, ServiceSettingsPatch, Alternative } from '../../../src/protocol/serviceSettings.js';
import type { Weekday } from '../../../src/domain/schedule/openingHours.js';
import { disguiseIconPath, disguiseIcons, type DisguiseIcon } from '../../../src/protocol/disguiseIcons.js';
import { api, ApiError, errorKey } from '../api.js';
import { refreshPublicConfig } from '../publicConfig.js';
import { refreshBranding } from '../branding.js';
import { LogoControl } from './LogoControl.js';
import { LanguagesSettings } from '../languages/LanguagesSettings.js';
import { ReferralsPanel } from '../partners/ReferralsPanel.js';

// Listed here rather than imported, so the console bundle does not pull in zod.
const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Form {
  serviceName: string;
  routingMode: 'automatic' | 'manual';
  offerTimeoutSeconds: string;
  disconnectGraceSeconds: string;
  queueCap: string;
  availability: 'auto' | 'open' | 'closed';
  busy: boolean;
  weekly: { day: Weekday; start: string; end: string }[];
  exceptions: { date: string; label: string; slots: string }[];
  alternatives: { name: string; phone: string; url: string; descriptionNl: string; descriptionEn: string }[];
  retentionDays: string;
  mailboxAnswerDays: string;
  quickExitUrl: string;
  disguiseTitle: string;
  disguiseIcon: DisguiseIcon;
  clickableLinks: boolean;
  confidentialityNl: string;
  confidentialityEn: string;
  disabledLanguages: string[];
}

function toForm(s: ServiceSettings): Form {
  return {
    serviceName: s.serviceName ?? '',
    routingMode: s.routingMode,
    offerTimeoutSeconds: String(s.offerTimeoutSeconds),
    disconnectGraceSeconds: String(s.disconnectGraceSeconds),
    queueCap: s.queueCap === undefined ? '' : String(s.queueCap),
    availability: s.availability,
    busy: s.busy,
    weekly: s.openingHours.weekly.map((w) => ({ day: w.day, start: w.start, end: w.end })),
    exceptions: (s.openingHours.exceptions ?? []).map((e) => ({ date: e.date, label: e.label ?? '', slots: e.slots.map((x) => `${x.start}-${x.end}`).join(', ') })),
    alternatives: s.alternatives.map((a) => ({ name: a.name, phone: a.phone ?? '', url: a.url ?? '', descriptionNl: a.descriptionNl ?? '', descriptionEn: a.descriptionEn ?? '' })),
    retentionDays: String(s.retentionDays),
    mailboxAnswerDays: String(s.mailboxAnswerDays),
    quickExitUrl: s.quickExitUrl ?? '',
    disguiseTitle: s.disguiseTitle ?? '',
    disguiseIcon: s.disguiseIcon,
    clickableLinks: s.clickableLinks,
    confidentialityNl: s.confidentialityNl ?? '',
    confidentialityEn: s.confidentialityEn ?? '',
    disabledLanguages: [...s.disabledLanguages],
  };
}

type Errors = Record<string, string>;

/** Turns the form into the PUT body; problems the browser can see are reported per field. */
function toBody(f: Form, t: (k: string) => string): { body: ServiceSettingsPatch; errors: Errors } {
  const errors: Errors = {};
  const int = (path: string, value: string): number | undefined => {
    if (!/^\d+$/.test(value.trim())) {
      errors[path] = t('settings.number');
      return undefined;
    }
    return Number(value.trim());
  };
  const exceptions = f.exceptions.map((e, i) => {
    const parts = e.slots.split(',').map((p) => p.trim()).filter(Boolean);
    const slots = parts.map((p) => {
      const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(p);
      if (!m) errors[`openingHours.exceptions.${i}.slots`] = t('settings.badSlots');
      const pad = (x: string) => (x.length === 4 ? `0${x}` : x);
      return m ? { start: pad(m[1]!), end: pad(m[2]!) } : { start: '', end: '' };
    });
    return { date: e.date, ...(e.label.trim() ? { label: e.label.trim() } : {}), slots };
  });
  const alternatives: Alternative[] = f.alternatives.map((a) => ({
    name: a.name.trim(),
    ...(a.phone.trim() ? { phone: a.phone.trim() } : {}),
    ...(a.url.trim() ? { url: a.url.trim() } : {}),
    ...(a.descriptionNl.trim() ? { descriptionNl: a.descriptionNl.trim() } : {}),
    ...(a.descriptionEn.trim() ? { descriptionEn: a.descriptionEn.trim() } : {}),
  }));
  // An emptied field removes the setting (null), so the standard value applies again.
  const text = (value: string) => value.trim() || null;
  const body: ServiceSettingsPatch = {
    serviceName: text(f.serviceName),
    routingMode: f.routingMode,
    availability: f.availability,
    busy: f.busy,
    openingHours: { timeZone: 'Europe/Amsterdam', weekly: f.weekly, exceptions },
    alternatives,
    disguiseTitle: text(f.disguiseTitle),
    disguiseIcon: f.disguiseIcon,
    clickableLinks: f.clickableLinks,
    quickExitUrl: text(f.quickExitUrl),
    confidentialityNl: text(f.confidentialityNl),
    confidentialityEn: text(f.confidentialityEn),
    disabledLanguages: f.disabledLanguages as ServiceSettings['disabledLanguages'],
  };
  const offer = int('offerTimeoutSeconds', f.offerTimeoutSeconds);
  if (offer !== undefined) body.offerTimeoutSeconds = offer;
  const grace = int('disconnectGraceSeconds', f.disconnectGraceSeconds);
  if (grace !== undefined) body.disconnectGraceSeconds = grace;
  const retention = int('retentionDays', f.retentionDays);
  if (retention !== undefined) body.retentionDays = retention;
  const answerDays = int('mailboxAnswerDays', f.mailboxAnswerDays);
  if (answerDays !== undefined) body.mailboxAnswerDays = answerDays;
  // Empty means no cap: null removes a stored one.
  const cap = f.queueCap.trim() ? int('queueCap', f.queueCap) : null;
  if (cap !== undefined) body.queueCap = cap;
  return { body, errors };
}

export function SettingsPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ settings: ServiceSettings }>('GET', '/api/settings')
      .then(({ settings }) => setForm(toForm(settings)))
      .catch((e: unknown) => setMessage({ kind: 'error', text: t(errorKey(e)) }));
  }, [t]);

  if (!form) {
    return (
      <main className="c-main">
        <h1>{t('settings.title')}</h1>
        {message ? (
          <p className="error-text" role="alert">
            {message.text}
          </p>
        ) : (
          <p>{t('loading')}</p>
        )}
      </main>
    );
  }

  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const { body, errors: local } = toBody(form, t);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setMessage({ kind: 'error', text: t('settings.invalid') });
      return;
    }
    setBusy(true);
    try {
      const { settings } = await api<{ settings: ServiceSettings }>('PUT', '/api/settings', body);
      setForm(toForm(settings));
      void refreshPublicConfig();
      void refreshBranding();
      setErrors({});
      setMessage({ kind: 'ok', text: t('settings.saved') });
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        const next: Errors = {};
        for (const issue of e.issues) next[issue.path] ??= t('settings.fieldError', { message: issue.message });
        setErrors(next);
        setMessage({ kind: 'error', text: t('settings.invalid') });
      } else setMessage({ kind: 'error', text: t(errorKey(e)) });
    } finally {
      setBusy(false);
    }
  };

  /** Errors for a field: its own path, or anything below it (e.g. a slot inside a day row). */
  const errorFor = (path: string): string | undefined => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
  const field = (id: string, path: string, label: string, input: (a: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode, hint?: string) => {
    const error = errorFor(path);
    return (
      <div className="field" data-field={path}>
        <label htmlFor={id}>{label}</label>
        {input({ id, 'aria-invalid': Boolean(error), ...(error ? { 'aria-describedby': `${id}-error` } : {}) })}
        {hint && <span className="hint">{hint}</span>}
        {error && (
          <span id={`${id}-error`} className="error-text c-small">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <main className="c-main c-settings">
      <h1>{t('settings.title')}</h1>
      <div aria-live="polite">
        {message && (
          <p className={message.kind === 'ok' ? 'notice' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
      <form onSubmit={(e) => void save(e)} noValidate>
        <section className="card c-section" aria-labelledby="set-branding">
          <h2 id="set-branding">{t('settings.branding')}</h2>
          <p className="hint">{t('settings.brandingHint')}</p>
          <div className="c-form-grid">
            {field('set-name', 'serviceName', t('settings.serviceName'), (a) => (
              <input {...a} type="text" maxLength={60} value={form.serviceName} onChange={(e) => set({ serviceName: e.target.value })} />
            ))}
          </div>
          <LogoControl />
        </section>

        <section className="card c-section" aria-labelledby="set-routing">
          <h2 id="set-routing">{t('settings.routing')}</h2>
          <div className="c-form-grid">
            {field('set-mode', 'routingMode', t('settings.routingMode'), (a) => (
              <select {...a} value={form.routingMode} onChange={(e) => set({ routingMode: e.target.value as Form['routingMode'] })}>
                <option value="automatic">{t('settings.automatic')}</option>
                <option value="manual">{t('settings.manual')}</option>
              </select>
            ))}
            {field('set-offer', 'offerTimeoutSeconds', t('settings.offerTimeout'), (a) => (
              <input {...a} type="text" inputMode="numeric" value={form.offerTimeoutSeconds} onChange={(e) => set({ offerTimeoutSeconds: e.target.value })} />
            ))}
            {field('set-grace', 'disconnectGraceSeconds', t('settings.grace'), (a) => (
              <input {...a} type="text" inputMode="numeric" value={form.disconnectGraceSeconds} onChange={(e) => set({ disconnectGraceSeconds: e.target.value })} />
            ))}
            {field('set-cap', 'queueCap', t('settings.queueCap'), (a) => (
              <input {...a} type="text" inputMode="numeric" value={form.queueCap} onChange={(e) => set({ queueCap: e.target.value })} />
            ))}
          </div>
        </section>

        <section className="card c-section" aria-labelledby="set-hours">
          <h2 id="set-hours">{t('settings.hours')}</h2>
          <div className="c-form-grid">
            {field('set-availability', 'availability', t('settings.availability'), (a) => (
              <select {...a} value={form.availability} onChange={(e) => set({ availability: e.target.value as Form['availability'] })}>
                <option value="auto">{t('board.auto')}</option>
                <option value="open">{t('board.forceOpen')}</option>
                <option value="closed">{t('board.forceClosed')}</option>
              </select>
            ))}
            <div className="field c-check">
              <label>
                <input type="checkbox" checked={form.busy} onChange={(e) => set({ busy: e.target.checked })} /> {t('settings.busy')}
              </label>
            </div>
          </div>
          <h3>{t('settings.weekly')}</h3>
          {form.weekly.map((w, i) => (
            <fieldset key={i} className="c-slot-row">
              <legend className="visually-hidden">
                {t('settings.weekly')} {i + 1}
              </legend>
              {field(`set-w${i}-day`, `openingHours.weekly.${i}.day`, t('settings.day'), (a) => (
                <select {...a} value={w.day} onChange={(e) => set({ weekly: form.weekly.map((x, j) => (j === i ? { ...x, day: e.target.value as Weekday } : x)) })}>
                  {weekdays.map((d) => (
                    <option key={d} value={d}>
                      {t(`settings.days.${d}`)}
                    </option>
                  ))}
                </select>
              ))}
              {field(`set-w${i}-start`, `openingHours.weekly.${i}.start`, t('settings.start'), (a) => (
                <input {...a} type="time" value={w.start} onChange={(e) => set({ weekly: form.weekly.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)) })} />
              ))}
              {field(`set-w${i}-end`, `openingHours.weekly.${i}.end`, t('settings.end'), (a) => (
                <input {...a} type="time" value={w.end} onChange={(e) => set({ weekly: form.weekly.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)) })} />
              ))}
              <button type="button" className="btn btn-secondary btn-small c-remove" aria-label={t('settings.removeSlot', { n: i + 1 })} onClick={() => set({ weekly: form.weekly.filter((_, j) => j !== i) })}>
                {t('settings.remove')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => set({ weekly: [...form.weekly, { day: 'mon', start: '16:00', end: '22:00' }] })}>
            {t('settings.addSlot')}
          </button>
          <h3>{t('settings.exceptions')}</h3>
          {form.exceptions.map((x, i) => (
            <fieldset key={i} className="c-slot-row">
              <legend className="visually-hidden">
                {t('settings.exceptions')} {i + 1}
              </legend>
              {field(`set-x${i}-date`, `openingHours.exceptions.${i}.date`, t('settings.date'), (a) => (
                <input {...a} type="date" value={x.date} onChange={(e) => set({ exceptions: form.exceptions.map((y, j) => (j === i ? { ...y, date: e.target.value } : y)) })} />
              ))}
              {field(`set-x${i}-label`, `openingHours.exceptions.${i}.label`, t('settings.labelField'), (a) => (
                <input {...a} type="text" value={x.label} onChange={(e) => set({ exceptions: form.exceptions.map((y, j) => (j === i ? { ...y, label: e.target.value } : y)) })} />
              ))}
              {field(`set-x${i}-slots`, `openingHours.exceptions.${i}.slots`, t('settings.exceptionSlots'), (a) => (
                <input {...a} type="text" value={x.slots} onChange={(e) => set({ exceptions: form.exceptions.map((y, j) => (j === i ? { ...y, slots: e.target.value } : y)) })} />
              ))}
              <button type="button" className="btn btn-secondary btn-small c-remove" aria-label={t('settings.removeException', { n: i + 1 })} onClick={() => set({ exceptions: form.exceptions.filter((_, j) => j !== i) })}>
                {t('settings.remove')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => set({ exceptions: [...form.exceptions, { date: '', label: '', slots: '' }] })}>
            {t('settings.addException')}
          </button>
        </section>

        <section className="card c-section" aria-labelledby="set-alternatives">
          <h2 id="set-alternatives">{t('settings.alternatives')}</h2>
          {form.alternatives.map((x, i) => {
            const update = (patch: Partial<Form['alternatives'][number]>) => set({ alternatives: form.alternatives.map((y, j) => (j === i ? { ...y, ...patch } : y)) });
            return (
              <fieldset key={i} className="c-alt-row">
                <legend>
                  {i + 1}. {x.name}
                </legend>
                <div className="c-form-grid">
                  {field(`set-a${i}-name`, `alternatives.${i}.name`, t('settings.altName'), (a) => <input {...a} type="text" value={x.name} onChange={(e) => update({ name: e.target.value })} />)}
                  {field(`set-a${i}-phone`, `alternatives.${i}.phone`, t('settings.altPhone'), (a) => <input {...a} type="text" value={x.phone} onChange={(e) => update({ phone: e.target.value })} />)}
                  {field(`set-a${i}-url`, `alternatives.${i}.url`, t('settings.altUrl'), (a) => <input {...a} type="url" value={x.url} onChange={(e) => update({ url: e.target.value })} />)}
                  {field(`set-a${i}-nl`, `alternatives.${i}.descriptionNl`, t('settings.altNl'), (a) => <input {...a} type="text" value={x.descriptionNl} onChange={(e) => update({ descriptionNl: e.target.value })} />)}
                  {field(`set-a${i}-en`, `alternatives.${i}.descriptionEn`, t('settings.altEn'), (a) => <input {...a} type="text" value={x.descriptionEn} onChange={(e) => update({ descriptionEn: e.target.value })} />)}
                </div>
                <button type="button" className="btn btn-secondary btn-small" aria-label={t('settings.removeAlternative', { n: i + 1 })} onClick={() => set({ alternatives: form.alternatives.filter((_, j) => j !== i) })}>
                  {t('settings.remove')}
                </button>
              </fieldset>
            );
          })}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => set({ alternatives: [...form.alternatives, { name: '', phone: '', url: '', descriptionNl: '', descriptionEn: '' }] })}>
            {t('settings.addAlternative')}
          </button>
        </section>

        <LanguagesSettings disabled={form.disabledLanguages} onChange={(disabledLanguages) => set({ disabledLanguages })} />

        <section className="card c-section" aria-labelledby="set-privacy">
          <h2 id="set-privacy">{t('settings.privacy')}</h2>
          <div className="c-form-grid">
            {field('set-retention', 'retentionDays', t('settings.retention'), (a) => (
              <input {...a} type="text" inputMode="numeric" value={form.retentionDays} onChange={(e) => set({ retentionDays: e.target.value })} />
            ))}
            {field('set-mailbox-days', 'mailboxAnswerDays', t('mailboxDesk.answerDaysSetting'), (a) => (
              <input {...a} type="text" inputMode="numeric" value={form.mailboxAnswerDays} onChange={(e) => set({ mailboxAnswerDays: e.target.value })} />
            ))}
            {field('set-exit', 'quickExitUrl', t('settings.quickExitUrl'), (a) => <input {...a} type="url" value={form.quickExitUrl} onChange={(e) => set({ quickExitUrl: e.target.value })} />)}
            {field('set-disguise', 'disguiseTitle', t('settings.disguiseTitle'), (a) => (
              <input {...a} type="text" maxLength={60} value={form.disguiseTitle} onChange={(e) => set({ disguiseTitle: e.target.value })} />
            ))}
          </div>
          <fieldset className="c-segmented c-icon-choice" data-field="disguiseIcon">
            <legend>{t('settings.disguiseIcon')}</legend>
            {disguiseIcons.map((icon) => (
              <label key={icon}>
                <input type="radio" name="disguiseIcon" value={icon} checked={form.disguiseIcon === icon} onChange={() => set({ disguiseIcon: icon })} />
                <img src={disguiseIconPath(icon)} alt="" width={20} height={20} />
                {t(`settings.icons.${icon}`)}
              </label>
            ))}
          </fieldset>
          {/* What a person glancing at her screen would see in the tab bar. */}
          <div className="c-tab-preview">
            <span className="c-small">{t('settings.tabPreview')}</span>
            <span className="c-tab-preview-tab" data-testid="tab-preview">
              <img src={disguiseIconPath(form.disguiseIcon)} alt="" width={16} height={16} />
              {form.disguiseTitle.trim() || t('settings.normalTitle')}
            </span>
          </div>
          <div className="field c-check">
            <label>
              <input type="checkbox" checked={form.clickableLinks} onChange={(e) => set({ clickableLinks: e.target.checked })} aria-describedby="set-links-hint" /> {t('settings.clickableLinks')}
            </label>
            <span id="set-links-hint" className="hint">
              {t('settings.clickableLinksHint')}
            </span>
          </div>
          <p className="hint">
            {t('settings.confidentialityHint')}
          </p>
          {field('set-confidentiality-nl', 'confidentialityNl', t('settings.confidentialityNl'), (a) => (
            <textarea {...a} rows={4} maxLength={1500} value={form.confidentialityNl} onChange={(e) => set({ confidentialityNl: e.target.value })} />
          ))}
          {field('set-confidentiality-en', 'confidentialityEn', t('settings.confidentialityEn'), (a) => (
            <textarea {...a} rows={4} maxLength={1500} value={form.confidentialityEn} onChange={(e) => set({ confidentialityEn: e.target.value })} />
          ))}
        </section>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('settings.saving') : t('settings.save')}
        </button>
      </form>
      <ReferralsPanel />
    </main>
  );
}
