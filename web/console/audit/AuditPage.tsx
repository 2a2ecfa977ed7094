// The administrator's audit log: who did what and when (never content), filtered by staff
// member, action or group, dates and conversation; older entries a page at a time; a check of
// the hash chain; and the filtered log as CSV (after a fresh sign-in, and itself audited).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionGroups, auditGroupNames } from '../../../src/domain/audit/auditActions.js';
import type { AuditEntryDto, AuditListResponse, AuditStaffDto, AuditVerifyResponse } from '../../../src/protocol/auditApi.js';
import { dateTimeSeconds } from '../../common/time.js';
import { api, ApiError, download, errorKey } from '../api.js';
import { DataTable, type DataColumn } from '../common/DataTable.js';
import { ReauthForm } from '../security/ReauthForm.js';

const pageSize = 100;

interface Filter {
  staffId: string;
  /** '' for all, `group:<name>` or `action:<name>`. */
  action: string;
  /** yyyy-mm-dd from the date inputs, '' when empty. */
  from: string;
  to: string;
  conversationId: string;
}
const noFilter: Filter = { staffId: '', action: '', from: '', to: '', conversationId: '' };

/** Midnight at the start of a yyyy-mm-dd day, in the browser's time zone. */
function dayStart(day: string, plusDays = 0): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).getTime();
}

function filterQuery(f: Filter): URLSearchParams {
  const q = new URLSearchParams();
  if (f.staffId) q.set('staffId', f.staffId);
  if (f.action.startsWith('group:')) q.set('group', f.action.slice('group:'.length));
  if (f.action.startsWith('action:')) q.set('action', f.action.slice('action:'.length));
  if (f.from) q.set('from', String(dayStart(f.from)));
  // "To" is a whole day: up to the start of the next one.
  if (f.to) q.set('to', String(dayStart(f.to, 1)));
  if (f.conversationId.trim()) q.set('conversationId', f.conversationId.trim());
  return q;
}

/** Ids, field names and counts as short text. */
function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '–';
  const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join(', ') : v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('; ');
}

interface Log {
  entries: AuditEntryDto[];
  staff: Map<string, AuditStaffDto>;
  nextBefore: number | null;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [people, setPeople] = useState<AuditStaffDto[]>([]);
  const [form, setForm] = useState<Filter>(noFilter);
  const [applied, setApplied] = useState<Filter>(noFilter);
  const [log, setLog] = useState<Log | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<AuditVerifyResponse | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [reauth, setReauth] = useState(false);
  const [exportMessage, setExportMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const actionLabels = t('audit.actions', { returnObjects: true }) as Record<string, string>;

  useEffect(() => {
    api<{ staff: AuditStaffDto[] }>('GET', '/api/audit/staff')
      .then((r) => setPeople(r.staff))
      .catch((e: unknown) => setError(t(errorKey(e))));
  }, [t]);

  const fetchPage = useCallback((filter: Filter, before: number | null) => {
    const q = filterQuery(filter);
    q.set('limit', String(pageSize));
    if (before !== null) q.set('before', String(before));
    return api<AuditListResponse>('GET', `/api/audit?${q}`);
  }, []);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    fetchPage(applied, null)
      .then((page) => {
        if (!cancelled) setLog({ entries: page.entries, staff: new Map(page.staff.map((s) => [s.id, s])), nextBefore: page.nextBefore });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setLog(null);
        setError(t(errorKey(e)));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [applied, fetchPage, t]);

  const loadOlder = async () => {
    if (!log || log.nextBefore === null) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(applied, log.nextBefore);
      setLog((prev) =>
        prev && {
          entries: [...prev.entries, ...page.entries],
          staff: new Map([...prev.staff, ...page.staff.map((s) => [s.id, s] as const)]),
          nextBefore: page.nextBefore,
        },
      );
    } catch (e) {
      setError(t(errorKey(e)));
    } finally {
      setLoading(false);
    }
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...form });
  };
  const reset = () => {
    setForm(noFilter);
    setApplied(noFilter);
  };

  const verify = async () => {
    setVerifying(true);
    setVerdict(null);
    try {
      setVerdict(await api<AuditVerifyResponse>('GET', '/api/audit/verify'));
    } catch (e) {
      setError(t(errorKey(e)));
    } finally {
      setVerifying(false);
    }
  };

  const exportCsv = async () => {
    setExportMessage(null);
    try {
      await download(`/api/audit.csv?${filterQuery(applied)}`);
      setReauth(false);
      setExportMessage({ kind: 'ok', text: t('audit.export.done') });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'reauth_required') return setReauth(true);
      setExportMessage({ kind: 'error', text: e instanceof ApiError && e.code === 'too_large' ? t('audit.export.tooLarge') : t(errorKey(e)) });
    }
  };

  const who = (id: string) => log?.staff.get(id)?.username ?? t('audit.unknownStaff', { id: id.slice(0, 8) });
  const columns: DataColumn<AuditEntryDto>[] = [
    { id: 'at', header: t('audit.columns.at'), cell: (e) => <time dateTime={new Date(e.at).toISOString()}>{dateTimeSeconds(e.at, i18n.language)}</time> },
    { id: 'who', header: t('audit.columns.who'), cell: (e) => (e.staffId === null ? <span className="muted">{t('audit.system')}</span> : who(e.staffId)) },
    {
      id: 'action',
      header: t('audit.columns.action'),
      // An action this console does not know yet still shows, by its raw name.
      cell: (e) => actionLabels[e.action] ?? <code>{e.action}</code>,
    },
    {
      id: 'target',
      header: t('audit.columns.target'),
      cell: (e) =>
        e.targetType === 'conversation' && e.targetId
          ? t('audit.target.conversation', { id: e.targetId.slice(0, 8) })
          : e.targetType === 'staff' && e.targetId
            ? t('audit.target.staff', { name: who(e.targetId) })
            : e.targetType === 'report'
              ? t('audit.target.report')
              : e.targetId
                ? `${e.targetType ?? ''} ${e.targetId}`
                : '–',
    },
    { id: 'detail', header: t('audit.columns.detail'), cell: (e) => <span className="c-audit-detail">{detailText(e.detail)}</span> },
  ];

  return (
    <main className="c-main c-audit">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>

      <section className="card c-section" aria-labelledby="audit-filter-title">
        <h2 id="audit-filter-title">{t('audit.filters')}</h2>
        <form onSubmit={apply}>
          <div className="c-form-grid">
            <div className="field">
              <label htmlFor="audit-staff">{t('audit.staff')}</label>
              <select id="audit-staff" value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.currentTarget.value })}>
                <option value="">{t('audit.allStaff')}</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName} ({p.username})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="audit-action">{t('audit.action')}</label>
              <select id="audit-action" value={form.action} onChange={(e) => setForm({ ...form, action: e.currentTarget.value })}>
                <option value="">{t('audit.allActions')}</option>
                {auditGroupNames.map((g) => (
                  <optgroup key={g} label={t(`audit.groups.${g}`)}>
                    <option value={`group:${g}`}>{t('audit.wholeGroup', { group: t(`audit.groups.${g}`) })}</option>
                    {auditActionGroups[g].map((a) => (
                      <option key={a} value={`action:${a}`}>
                        {actionLabels[a] ?? a}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="audit-from">{t('audit.from')}</label>
              <input id="audit-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} />
            </div>
            <div className="field">
              <label htmlFor="audit-to">{t('audit.to')}</label>
              <input id="audit-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} />
            </div>
            <div className="field">
              <label htmlFor="audit-conversation">{t('audit.conversation')}</label>
              <input
                id="audit-conversation"
                type="text"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={36}
                aria-describedby="audit-conversation-hint"
                value={form.conversationId}
                onChange={(e) => setForm({ ...form, conversationId: e.currentTarget.value })}
              />
              <span id="audit-conversation-hint" className="hint">
                {t('audit.conversationHint')}
              </span>
            </div>
          </div>
          <div className="c-actions">
            <button type="submit" className="btn">
              {t('audit.apply')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={reset}>
              {t('audit.reset')}
            </button>
          </div>
        </form>
      </section>

      <section className="card c-section" aria-labelledby="audit-entries-title">
        <h2 id="audit-entries-title">{t('audit.results')}</h2>
        <div aria-live="polite">
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {log && <p role="status">{log.entries.length === 0 ? t('audit.none') : t('audit.shown', { count: log.entries.length })}</p>}
          {loading && <p className="muted">{t('audit.loading')}</p>}
        </div>
        {log && log.entries.length > 0 && (
          <DataTable columns={columns} rows={log.entries} rowKey={(e) => e.id} rowAttributes={(e) => ({ 'data-action': e.action, 'data-entry': String(e.id) })} className="c-audit-table" />
        )}
        {log && log.nextBefore !== null && (
          <button type="button" className="btn btn-secondary" disabled={loading} onClick={() => void loadOlder()}>
            {t('audit.loadOlder')}
          </button>
        )}
      </section>

      <section className="card c-section" aria-labelledby="audit-verify-title">
        <h2 id="audit-verify-title">{t('audit.verify.title')}</h2>
        <p>{t('audit.verify.intro')}</p>
        <button type="button" className="btn btn-secondary" disabled={verifying} onClick={() => void verify()}>
          {verifying ? t('audit.verify.busy') : t('audit.verify.button')}
        </button>
        <div aria-live="polite">
          {verdict?.ok === true && (
            <p className="notice" role="status">
              {t('audit.verify.ok', { count: verdict.entries })}
            </p>
          )}
          {verdict?.ok === false && (
            <p className="error-text" role="alert">
              {t(`audit.verify.${verdict.cause}`, { id: verdict.brokenAtId, count: verdict.entries })}
            </p>
          )}
        </div>
      </section>

      <section className="card c-section" aria-labelledby="audit-export-title">
        <h2 id="audit-export-title">{t('audit.export.title')}</h2>
        <p>{t('audit.export.intro')}</p>
        <div aria-live="polite">
          {exportMessage && (
            <p className={exportMessage.kind === 'ok' ? 'notice' : 'error-text'} role={exportMessage.kind === 'ok' ? 'status' : 'alert'}>
              {exportMessage.text}
            </p>
          )}
        </div>
        {reauth ? (
          <ReauthForm onDone={() => void exportCsv()} onCancel={() => setReauth(false)} />
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => void exportCsv()}>
            {t('audit.export.button')}
          </button>
        )}
      </section>
    </main>
  );
}
