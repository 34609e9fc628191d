/**
 * Sign-in with email and password (Firebase Auth). With the local emulators,
 * the demo accounts `npm start` created are listed (it writes them to
 * /demo-accounts.json in the served build; a deployed build has none).
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorView } from '../components/ErrorView';
import { LanguageSwitch } from '../components/Layout';
import { usesEmulators } from '../lib/firebase';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';

interface DemoAccount {
  email: string;
  description: string;
  displayName: string;
}

export default function SignIn() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [demo, setDemo] = useState<{ password: string; accounts: DemoAccount[] } | null>(null);

  useEffect(() => {
    if (!usesEmulators) return;
    fetch('/demo-accounts.json', { cache: 'no-cache' })
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { password: string; accounts: DemoAccount[] } | null) => setDemo(d))
      .catch(() => setDemo(null));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <main id="main" class="signin">
      <div class="signin-top">
        <h1>{t('ui.appName')}</h1>
        <LanguageSwitch />
      </div>
      <form onSubmit={submit} aria-busy={busy}>
        <label for="email">{t('ui.email')}</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="password">{t('ui.password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('ui.working') : t('ui.signIn')}
        </button>
        <ErrorView error={error} />
      </form>
      {demo && demo.accounts.length > 0 && (
        <section class="demo" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('ui.demoAccounts')}</h2>
          <p>{t('ui.demoPassword', { password: demo.password })}</p>
          <ul>
            {demo.accounts.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  class="link"
                  aria-label={`${t('ui.useAccount')}: ${a.email}`}
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(demo.password);
                  }}
                >
                  {a.email}
                </button>{' '}
                <small>{a.description}</small>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
