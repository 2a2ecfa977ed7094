// The coding form, built from the codebook (data, not code). Quick by keyboard: one tab stop per
// field (arrow keys move inside a radio group), checkboxes for multi-selects, a number input for
// age. Conditions hide and show fields live with the same visibleFieldIds the server uses.
import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodebookField, CodeOption } from '../../../src/domain/codebook/codebookSchema.js';
import type { CodingValue } from '../../../src/domain/codebook/codingValue.js';
import { visibleFieldIds } from '../../../src/domain/codebook/evaluateCondition.js';
import { validateCoding } from '../../../src/domain/codebook/validateCoding.js';
import type { CodingFieldError, CodingFormResponse, SaveCodingResponse } from '../../../src/protocol/codingApi.js';
import { api, ApiError, errorKey } from '../api.js';
import { CodingHistory } from './CodingHistory.js';
import { ReferralHints, referralFieldId } from '../toolkit/ReferralHints.js';

type Values = Record<string, CodingValue>;
const UNKNOWN = 'unknown';

/**
 * `onSaved` gets the confirmation text: the page shows it, since it reloads this form afterwards.
 * `showReferrals`: she may read the referral directory, so matching entries show beside the referrals.
 */
export function CodingForm({ form, onSaved, showReferrals = false }: { form: CodingFormResponse; onSaved: (result: SaveCodingResponse, notice: string) => void; showReferrals?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const codebook = form.codebook;
  const [values, setValues] = useState<Values>(() => ({ ...form.values }));
  const [sources, setSources] = useState(() => ({ ...form.sources }));
  const [confirmed, setConfirmed] = useState<Set<string>>(() => new Set());
  const [errors, setErrors] = useState<CodingFieldError[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const visible = useMemo(() => visibleFieldIds(codebook, values), [codebook, values]);
  const toConfirm = useMemo(() => new Set(form.toConfirm), [form.toConfirm]);
  const name = form.conversation.nickname ?? t('coding.anonymous');

  const setValue = (fieldId: string, value: CodingValue | undefined) => {
    setValues((current) => {
      const next = { ...current };
      if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[fieldId];
      else next[fieldId] = value;
      return next;
    });
    // A changed value is the counsellor's own answer: no longer pre-filled, nothing to confirm.
    setSources((current) => {
      if (current[fieldId] === undefined) return current;
      const next = { ...current };
      delete next[fieldId];
      return next;
    });
    setErrors((current) => current.filter((e) => e.fieldId !== fieldId));
  };

  /** Only what is shown is saved: values of hidden fields and orphaned sub-forms are dropped. */
  const submittedValues = (): Values => {
    const out: Values = {};
    for (const field of codebook.fields) {
      const value = values[field.id];
      if (value === undefined || !visible.has(field.id)) continue;
      if (field.kind === 'multi' && field.parentField !== undefined && Array.isArray(value)) {
        const parents = values[field.parentField];
        const kept = (value as readonly string[]).filter((code) => {
          const option = field.options.find((o) => o.code === code);
          return option?.parent === undefined || (Array.isArray(parents) && parents.includes(option.parent));
        });
        if (kept.length > 0) out[field.id] = kept;
        continue;
      }
      out[field.id] = value;
    }
    return out;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const body = submittedValues();
    const local: CodingFieldError[] = validateCoding(codebook, body).errors.map((e) => ({ fieldId: e.fieldId, code: e.code, message: e.message }));
    for (const fieldId of toConfirm) {
      if (sources[fieldId] === 'carried' && !confirmed.has(fieldId) && visible.has(fieldId) && !local.some((e) => e.fieldId === fieldId)) {
        local.push({ fieldId, code: 'confirm_carried', message: '' });
      }
    }
    if (local.length > 0) return showErrors(local);
    setBusy(true);
    try {
      const result = await api<SaveCodingResponse>('PUT', `/api/codings/${encodeURIComponent(form.conversation.id)}`, { values: body, confirmedFields: [...confirmed] });
      setErrors([]);
      onSaved(result, t(result.status === 'closed' && form.conversation.status === 'ended' ? 'coding.savedClosed' : 'coding.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        showErrors(error.issues.map((i) => ({ fieldId: i.path, code: (i as { code?: CodingFieldError['code'] }).code ?? 'wrong_type', message: i.message })));
      } else {
        setMessage({ kind: 'error', text: t(errorKey(error)) });
      }
    } finally {
      setBusy(false);
    }
  };

  const showErrors = (list: CodingFieldError[]) => {
    setErrors(list);
    setMessage({ kind: 'error', text: t('coding.hasErrors', { count: list.length }) });
    const first = codebook.fields.find((f) => list.some((e) => e.fieldId === f.id));
    if (first) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-field="${first.id}"] input`)?.focus());
  };

  return (
    <form className="c-coding-form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="coding-form-title">
      <h2 id="coding-form-title">{t(form.mode === 'second' ? 'coding.formTitleSecond' : 'coding.formTitle', { name })}</h2>
      <div aria-live="polite" className="c-coding-message">
        {message && (
          <p className={message.kind === 'ok' ? 'notice' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
      {codebook.fields
        .filter((f) => visible.has(f.id))
        .map((field) => (
          <Fragment key={field.id}>
            <FieldInput
              field={field}
              lang={lang}
              value={values[field.id]}
              values={values}
              source={sources[field.id]}
              needsConfirm={toConfirm.has(field.id) && sources[field.id] === 'carried' && !confirmed.has(field.id)}
              wasConfirmed={confirmed.has(field.id)}
              onConfirm={() => {
                setConfirmed((c) => new Set([...c, field.id]));
                setErrors((current) => current.filter((e) => e.fieldId !== field.id));
              }}
              ageBandHint={field.id === codebook.ageField ? form.ageBandHint : null}
              errors={errors.filter((e) => e.fieldId === field.id)}
              onChange={(v) => setValue(field.id, v)}
            />
            {field.id === referralFieldId && showReferrals && Array.isArray(values[field.id]) && <ReferralHints codes={values[field.id] as readonly string[]} />}
          </Fragment>
        ))}
      <div className="c-coding-actions">
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('coding.saving') : t(form.mode === 'second' ? 'coding.saveSecond' : 'coding.save')}
        </button>
      </div>
      <CodingHistory form={form} lang={lang} />
    </form>
  );
}

interface FieldProps {
  field: CodebookField;
  lang: 'nl' | 'en';
  value: CodingValue | undefined;
  values: Values;
  source: string | undefined;
  needsConfirm: boolean;
  wasConfirmed: boolean;
  onConfirm: () => void;
  ageBandHint: string | null;
  errors: CodingFieldError[];
  onChange: (value: CodingValue | undefined) => void;
}

function FieldInput(props: FieldProps) {
  const { t } = useTranslation();
  const { field, lang, value, source, errors } = props;
  const id = `f-${field.id}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = errors.length > 0;
  const describedBy = [invalid ? errorId : '', props.ageBandHint || field.help ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const label = field.label[lang];
  const markers = (
    <>
      {field.required && <span className="c-required"> ({t('coding.required')})</span>}
      {source && <span className={`c-source c-source-${source}`}> {t(`coding.source.${source}`)}</span>}
    </>
  );
  const hint = (props.ageBandHint || field.help) && (
    <p id={hintId} className="c-field-hint">
      {field.help?.[lang]}
      {props.ageBandHint && <> {t('coding.ageBandHint', { band: t(`coding.ageBands.${props.ageBandHint}`, { defaultValue: props.ageBandHint }) })}</>}
    </p>
  );
  const errorText = invalid && (
    <p id={errorId} className="c-field-error error-text">
      {errors.map((e) => t(`coding.errors.${e.code}`, { defaultValue: e.message })).join(' ')}
    </p>
  );
  const confirm = props.needsConfirm ? (
    <button type="button" className="btn btn-secondary btn-small c-confirm" onClick={props.onConfirm}>
      {t('coding.confirm', { field: label })}
    </button>
  ) : props.wasConfirmed ? (
    <span className="c-confirmed">✓ {t('coding.confirmed')}</span>
  ) : null;
  const className = `c-field${invalid ? ' c-field-invalid' : ''}${source ? ' c-field-prefilled' : ''}${props.needsConfirm ? ' c-field-confirm' : ''}`;

  if (field.kind === 'integer') {
    const unknown = value === UNKNOWN;
    return (
      <div className={className} data-field={field.id}>
        <label htmlFor={id} className="c-field-label">
          {label}
          {markers}
        </label>
        {hint}
        <div className="c-inline">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            className="c-number"
            value={typeof value === 'number' ? String(value) : ''}
            disabled={unknown}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const text = e.currentTarget.value.trim();
              props.onChange(text === '' ? undefined : Number(text));
            }}
          />
          {field.allowUnknown && (
            <label className="c-check">
              <input type="checkbox" checked={unknown} onChange={(e) => props.onChange(e.currentTarget.checked ? UNKNOWN : undefined)} />
              {t('coding.ageUnknown')}
            </label>
          )}
          {confirm}
        </div>
        {errorText}
      </div>
    );
  }

  const options: { code: string; label: string }[] =
    field.kind === 'boolean'
      ? [
          { code: 'true', label: t('coding.yes') },
          { code: 'false', label: t('coding.no') },
        ]
      : visibleOptions(field.options, field.kind === 'multi' ? field.parentField : undefined, props.values).map((o) => ({ code: o.code, label: o.label[lang] }));
  if (field.allowUnknown) options.push({ code: UNKNOWN, label: t('coding.unknown') });

  const isChecked = (code: string): boolean => {
    if (field.kind === 'multi') return Array.isArray(value) && value.includes(code);
    if (field.kind === 'boolean') return code === 'true' ? value === true : code === 'false' ? value === false : value === UNKNOWN;
    return value === code;
  };
  const choose = (code: string, checked: boolean) => {
    if (field.kind === 'boolean') return props.onChange(code === 'true' ? true : code === 'false' ? false : UNKNOWN);
    if (field.kind === 'single') return props.onChange(code);
    if (field.kind !== 'multi') return;
    const current = Array.isArray(value) ? [...(value as readonly string[])] : [];
    if (!checked) return props.onChange(current.filter((c) => c !== code));
    const exclusive = code === UNKNOWN || field.options.some((o) => o.code === code && o.exclusive === true);
    // "Unknown" and options such as "none" stand alone; choosing another option clears them.
    const kept = exclusive ? [] : current.filter((c) => c !== UNKNOWN && !field.options.some((o) => o.code === c && o.exclusive === true));
    props.onChange([...kept, code]);
  };
  const type = field.kind === 'multi' ? 'checkbox' : 'radio';
  return (
    <fieldset className={className} data-field={field.id} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
      <legend className="c-field-label">
        {label}
        {markers}
      </legend>
      {hint}
      <div className={`c-options c-options-${type}`}>
        {options.map((o) => (
          <label key={o.code} className="c-option">
            <input type={type} name={id} value={o.code} checked={isChecked(o.code)} onChange={(e) => choose(o.code, e.currentTarget.checked)} />
            {o.label}
          </label>
        ))}
      </div>
      {confirm}
      {errorText}
    </fieldset>
  );
}

/** Sub-form options appear once their form of exploitation is chosen. */
function visibleOptions(options: readonly CodeOption[], parentField: string | undefined, values: Values): readonly CodeOption[] {
  if (parentField === undefined) return options;
  const parents = values[parentField];
  return options.filter((o) => o.parent === undefined || (Array.isArray(parents) && parents.includes(o.parent)));
}
