// A printable A4 poster for one referral token: the service's name, one line, the link with the
// token and its QR code. The server computes the code (path data); it is drawn here as SVG, so
// no markup from elsewhere enters the page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PosterDto } from '../../../src/protocol/visibilityApi.js';
import { api, ApiError, errorKey } from '../api.js';

export function PosterPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [poster, setPoster] = useState<PosterDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<PosterDto>('GET', `/api/referrals/${encodeURIComponent(token)}/poster`)
      .then((p) => {
        setPoster(p);
        document.title = `${t('poster.title')} – ${p.label}`;
      })
      .catch((e: unknown) => setError(e instanceof ApiError && (e.code === 'not_found' || e.code === 'invalid_request') ? t('poster.notFound') : t(errorKey(e))));
  }, [token, t]);

  if (error) {
    return (
      <main className="c-main">
        <h1>{t('poster.title')}</h1>
        <p className="error-text" role="alert">
          {error}
        </p>
        <a href="/console">{t('poster.back')}</a>
      </main>
    );
  }
  if (!poster) return <p className="c-loading">{t('loading')}</p>;
  const side = poster.qr.size + 2 * poster.qr.margin;
  return (
    <main className="c-poster" data-token={poster.token}>
      <div className="c-poster-tools">
        <button type="button" className="btn" onClick={() => print()}>
          {t('poster.print')}
        </button>{' '}
        <a href="/console">{t('poster.back')}</a>
      </div>
      <h1 className="c-poster-name">{poster.serviceName}</h1>
      <p className="c-poster-line">{t('poster.line')}</p>
      <svg className="c-poster-qr" viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges" role="img" aria-label={t('poster.qr', { link: poster.link })}>
        <rect width={side} height={side} fill="#fff" />
        <path fill="#000" d={poster.qr.path} />
      </svg>
      <p className="c-poster-link">
        {t('poster.scan')} <strong>{poster.link}</strong>
      </p>
    </main>
  );
}
