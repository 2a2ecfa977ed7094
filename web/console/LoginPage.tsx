import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../src/protocol/staffApi.js';
import type { EnrolCompleteResponse, LoginCompleteResponse, LoginStepResponse, PasswordStepResponse, QrCodeDto } from '../../src/protocol/staffSecurityApi.js';
import { api, ApiError, errorKey } from './api.js';
import { ConsoleLanguageSwitch } from './LanguageSwitch.js';
import { RecoveryCodeList } from './security/RecoveryCodeList.js';
import { QrCode } from './security/QrCode.js';
import { passkeyErrorKey, passkeysSupported, signInWithPasskey } from './security/passkeyCeremony.js';
import { BrandName } from './BrandName.js';

type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string; passkey: boolean }
  | { kind: 'enrol'; challenge: string; secret: string; uri: string; qr: QrCodeDto }
  | { kind: 'recoveryCodes'; codes: string[]; then: { me: MeResponse } | { challenge: string } }
  /** Signed in with a temporary password: her own first, then the session. */
  | { kind: 'newPassword'; challenge: string };

const isPasswordStep = (response: object): response is PasswordStepResponse => (response as { step?: unknown }).step === 'password';

/**
 * Sign-in in two steps: password, then a passkey or a code from the app (or a recovery code);
 * enrolment on first sign-in; and after a temporary password (a new account, a reset) her own.
 */
export function LoginPage({ notice, onSignedIn }: { notice?: 'sessionEnded' | 'signedOut' | undefined; onSignedIn: (me: MeResponse) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  const restart = (message: string | null) => {
    setStep({ kind: 'password' });
    setPassword('');
    setCode('');
    setNewPassword('');
    setRepeat('');
    setError(message);
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await api<LoginStepResponse>('POST', '/api/auth/login', { username, password });
      // The password is not needed any more: do not keep it in memory.
      setPassword('');
      setCode('');
      setStep(next.step === 'mfa' ? { kind: 'code', challenge: next.challenge, passkey: next.passkey && passkeysSupported() } : { kind: 'enrol', challenge: next.challenge, secret: next.secret, uri: next.uri, qr: next.qr });
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 401 || e.code === 'invalid_request') ? 'login.wrong' : errorKey(e));
    } finally {
      setBusy(false);
    }
  };

  const secondStepError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'login_expired') return restart('security.errors.login_expired');
    setError(e instanceof ApiError && (e.code === 'unauthenticated' || e.code === 'invalid_request') ? 'security.codeStep.wrong' : errorKey(e));
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'code') return;
    setBusy(true);
    setError(null);
    try {
      const me = await api<LoginCompleteResponse | PasswordStepResponse>('POST', '/api/auth/login/code', { challenge: step.challenge, code });
      setCode('');
      if (isPasswordStep(me)) return setStep({ kind: 'newPassword', challenge: me.challenge });
      if (me.factor === 'recovery') setInfo(t('security.codeStep.recoveryUsed', { count: me.recoveryCodesLeft }));
      onSignedIn(me);
    } catch (e) {
      setCode('');
      secondStepError(e);
    } finally {
      setBusy(false);
    }
  };

  const usePasskey = async () => {
    if (step.kind !== 'code') return;
    setPasskeyBusy(true);
    setError(null);
    try {
      const me = await signInWithPasskey(step.challenge);
      if (isPasswordStep(me)) return setStep({ kind: 'newPassword', challenge: me.challenge });
      onSignedIn(me);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'login_expired') return restart('security.errors.login_expired');
      const key = passkeyErrorKey(e);
      setError(key === 'security.passkeys.cancelled' ? 'security.codeStep.passkeyCancelled' : key === 'security.passkeys.failed' ? 'security.codeStep.passkeyFailed' : key);
    } finally {
      setPasskeyBusy(false);
    }
  };

  const submitEnrolment = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'enrol') return;
    setBusy(true);
    setError(null);
    try {
      const result = await api<EnrolCompleteResponse | PasswordStepResponse>('POST', '/api/auth/login/enrol', { challenge: step.challenge, code });
      setCode('');
      if (isPasswordStep(result)) return setStep({ kind: 'recoveryCodes', codes: result.recoveryCodes ?? [], then: { challenge: result.challenge } });
      const { recoveryCodes, ...me } = result;
      setStep({ kind: 'recoveryCodes', codes: recoveryCodes, then: { me } });
    } catch (e) {
      setCode('');
      secondStepError(e);
    } finally {
      setBusy(false);
    }
  };

  const submitNewPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'newPassword') return;
    if (newPassword !== repeat) return setError('security.newPassword.mismatch');
    setBusy(true);
    setError(null);
    try {
      const me = await api<MeResponse>('POST', '/api/auth/login/password', { challenge: step.challenge, newPassword });
      setNewPassword('');
      setRepeat('');
      onSignedIn(me);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'login_expired') return restart('security.errors.login_expired');
      setError(errorKey(e));
    } finally {
      setBusy(false);
    }
  };

  const errorText = error && (
    <p className="error-text" role="alert">
      {t(error)}
    </p>
  );

  return (
    <main className="c-narrow">
      <div className="c-narrow-top">
        <BrandName />
        <ConsoleLanguageSwitch />
      </div>
      {step.kind === 'password' && (
        <form className="card" onSubmit={(e) => void submitPassword(e)}>
          <h1>{t('login.title')}</h1>
          {notice && (
            <p className="notice" role="status">
              {t(`login.${notice}`)}
            </p>
          )}
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input id="login-username" name="username" type="text" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </div>
          {errorText}
          <button type="submit" className="btn" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      )}
      {step.kind === 'code' && (
        <form className="card" onSubmit={(e) => void submitCode(e)}>
          <h1>{t('security.codeStep.title')}</h1>
          {step.passkey && (
            <div className="c-passkey-choice">
              <p>{t('security.codeStep.passkeyIntro')}</p>
              <button type="button" className="btn" disabled={busy || passkeyBusy} onClick={() => void usePasskey()}>
                {passkeyBusy ? t('security.codeStep.passkeyBusy') : t('security.codeStep.usePasskey')}
              </button>
            </div>
          )}
          <p>{t('security.codeStep.intro')}</p>
          <div className="field">
            <label htmlFor="login-code">{t('security.codeStep.code')}</label>
            <input
              id="login-code"
              name="code"
              type="text"
              inputMode="text"
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={40}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
              autoFocus
            />
          </div>
          {errorText}
          {info && <p role="status">{info}</p>}
          <div className="c-actions">
            <button type="submit" className="btn" disabled={busy}>
              {busy ? t('security.codeStep.busy') : t('security.codeStep.submit')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => restart(null)}>
              {t('security.codeStep.back')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'enrol' && (
        <form className="card" onSubmit={(e) => void submitEnrolment(e)}>
          <h1>{t('security.enrol.title')}</h1>
          <p>{t('security.enrol.intro')}</p>
          <QrCode qr={step.qr} label={t('security.enrol.qrLabel')} />
          <p>
            <span id="enrol-secret-label">{t('security.enrol.secret')}</span>
            <br />
            <code className="c-secret" aria-labelledby="enrol-secret-label" data-secret={step.secret}>
              {step.secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
          <details>
            <summary>{t('security.enrol.uri')}</summary>
            <code className="c-secret c-secret-uri">{step.uri}</code>
          </details>
          <p>{t('security.enrol.afterwards')}</p>
          <div className="field">
            <label htmlFor="enrol-code">{t('security.enrol.code')}</label>
            <input
              id="enrol-code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,7}"
              maxLength={7}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
          </div>
          {errorText}
          <div className="c-actions">
            <button type="submit" className="btn" disabled={busy}>
              {t('security.enrol.submit')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => restart(null)}>
              {t('security.codeStep.back')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'recoveryCodes' && (
        <div className="card">
          <h1>{t('security.recovery.title')}</h1>
          <p>{t('security.recovery.intro')}</p>
          <RecoveryCodeList codes={step.codes} />
          <button
            type="button"
            className="btn"
            onClick={() => ('me' in step.then ? onSignedIn(step.then.me) : setStep({ kind: 'newPassword', challenge: step.then.challenge }))}
          >
            {t('security.recovery.saved')}
          </button>
        </div>
      )}
      {step.kind === 'newPassword' && (
        <form className="card" onSubmit={(e) => void submitNewPassword(e)}>
          <h1>{t('security.newPassword.title')}</h1>
          <p>{t('security.newPassword.intro')}</p>
          <div className="field">
            <label htmlFor="new-own-password">{t('security.newPassword.password')}</label>
            <input
              id="new-own-password"
              type="password"
              autoComplete="new-password"
              aria-describedby="new-own-password-hint"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
              required
              autoFocus
            />
            <span id="new-own-password-hint" className="hint">
              {t('security.newPassword.hint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="new-own-password-repeat">{t('security.newPassword.repeat')}</label>
            <input id="new-own-password-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
          </div>
          {errorText}
          <div className="c-actions">
            <button type="submit" className="btn" disabled={busy}>
              {t('security.newPassword.submit')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => restart(null)}>
              {t('security.codeStep.back')}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
