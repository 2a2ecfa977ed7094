// The supervisors' list of warm handovers, newest first; emergency handovers without consent
// wait here until a supervisor other than whoever recorded them approves or refuses them.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverListResponse, HandoverView } from '../../../src/protocol/handoverApi.js';
import { dateTimeMinutes } from '../../common/time.js';
import { api, errorKey } from '../api.js';
import { DataTable, type DataColumn } from '../common/DataTable.js';
import { HandoverTexts } from './HandoverPanel.js';

export function HandoversPage() {
  const { t, i18n } = useTranslation();
  const [pendingOnly, setPendingOnly] = useState(false);
  const [rows, setRows] = useState<HandoverView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const res = await api<HandoverListResponse>('GET', `/api/handovers${pendingOnly ? '?status=pending' : ''}`);
      setRows(res.handovers);
      setError(null);
    } catch (e) {
      setError(t(errorKey(e)));
    }
  }, [pendingOnly, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (h: HandoverView, decision: 'approve' | 'refuse') => {
    try {
      await api('POST', `/api/handovers/${h.id}/decision`, { decision });
      setNotice(t(decision === 'approve' ? 'casework.list.approved' : 'casework.list.refused'));
      await load();
    } catch (e) {
      setError(t(errorKey(e)));
    }
  };

  const columns: DataColumn<HandoverView>[] = [
    { id: 'at', header: t('casework.list.columns.at'), cell: (h) => <>{dateTimeMinutes(h.createdAt, i18n.language)}<div className="muted c-small">{h.recordedByName}</div></> },
    { id: 'kind', header: t('casework.list.columns.kind'), cell: (h) => t(`casework.list.kind.${h.kind}`) },
    { id: 'organisation', header: t('casework.list.columns.organisation'), cell: (h) => h.organisation ?? '—' },
    { id: 'method', header: t('casework.list.columns.method'), cell: (h) => t(`casework.handover.methods.${h.method}`) },
    { id: 'details', header: t('casework.list.columns.details'), cell: (h) => <HandoverTexts handover={h} /> },
    {
      id: 'status',
      header: t('casework.list.columns.status'),
      cell: (h) => (
        <>
          {t(`casework.handover.status.${h.status}`)}
          {h.decidedByName && <div className="muted c-small">{h.decidedByName}</div>}
        </>
      ),
    },
    {
      id: 'decide',
      header: t('casework.list.columns.decide'),
      cell: (h) =>
        h.status !== 'pending' ? null : h.mayDecide ? (
          <div className="c-row" role="group" aria-label={t('casework.list.decision', { organisation: h.organisation ?? '' })}>
            <button type="button" className="btn btn-small" onClick={() => void decide(h, 'approve')}>
              {t('casework.list.approve')}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => void decide(h, 'refuse')}>
              {t('casework.list.refuse')}
            </button>
          </div>
        ) : (
          <span className="muted c-small">{t('casework.list.ownHandover')}</span>
        ),
    },
  ];

  return (
    <main className="c-main">
      <h1>{t('casework.list.title')}</h1>
      <p className="muted">{t('casework.list.intro')}</p>
      <div className="field c-handover-filter">
        <label htmlFor="handover-filter">{t('casework.list.filter')}</label>
        <select id="handover-filter" value={pendingOnly ? 'pending' : 'all'} onChange={(e) => setPendingOnly(e.target.value === 'pending')}>
          <option value="all">{t('casework.list.all')}</option>
          <option value="pending">{t('casework.list.pendingOnly')}</option>
        </select>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p role="status">{notice ?? ''}</p>
      {rows === null ? null : rows.length === 0 ? (
        <p className="muted">{t('casework.list.none')}</p>
      ) : (
        <DataTable columns={columns} rows={rows} rowKey={(h) => h.id} rowAttributes={(h) => ({ 'data-handover': h.id, 'data-status': h.status })} label={t('casework.list.title')} />
      )}
    </main>
  );
}
