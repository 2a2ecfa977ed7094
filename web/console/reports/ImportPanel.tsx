// Administrator: import coded history (CSV or JSON in the documented format). A file with any
// error is refused as a whole, with the problems listed by row and column.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCodedDataResponse } from '../../../src/protocol/codingApi.js';
import { ApiError, errorKey, getCsrfToken } from '../api.js';

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportCodedDataResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const content = await file.text();
      const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
      // Not through api(): a refused import (422) still carries the per-row issues in its body.
      const res = await fetch('/api/reports/coded-data', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': getCsrfToken() },
        body: JSON.stringify({ format, content, dryRun }),
      });
      const body = (await res.json().catch(() => null)) as Partial<ImportCodedDataResponse> & { error?: { code: string } } | null;
      if (body && typeof body.issueCount === 'number') {
        setResult(body as ImportCodedDataResponse);
        if (res.ok && !dryRun) onImported();
      } else {
        throw new ApiError(res.status, body?.error?.code ?? 'unknown');
      }
    } catch (e) {
      setError(t(errorKey(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card c-section" aria-labelledby="import-title">
      <h2 id="import-title">{t('reports.import.title')}</h2>
      <p>{t('reports.import.intro')}</p>
      <form onSubmit={(e) => void submit(e)} className="c-form-grid">
        <div className="field">
          <label htmlFor="import-file">{t('reports.import.file')}</label>
          <input id="import-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </div>
        <label className="c-check">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          {t('reports.import.dryRun')}
        </label>
        <div className="c-form-submit">
          <button type="submit" className="btn" disabled={!file || busy}>
            {t('reports.import.submit')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {error && <p className="error-text">{error}</p>}
        {result && result.issueCount === 0 && (
          <p className="notice">{result.dryRun ? t('reports.import.checked', { rows: result.rows }) : t('reports.import.done', { inserted: result.inserted, skipped: result.skippedExisting })}</p>
        )}
        {result && result.issueCount > 0 && (
          <>
            <p className="error-text">{t('reports.import.issues', { count: result.issueCount })}</p>
            <ul className="c-small">
              {result.issues.map((i, n) => (
                <li key={n}>{t('reports.import.issue', { row: i.row, column: i.column || '–', message: i.message })}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
