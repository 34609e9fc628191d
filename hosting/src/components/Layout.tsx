/**
 * The frame of every signed-in page: a skip link, the header with the menu of
 * the account's role, the language switch and sign-out, and the main area.
 * Narrow screens (360 px) get the menu as a wrapping row.
 */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { menuOf } from '../routes';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      class="lang-switch"
      lang={other}
      aria-label={`${t('ui.language')}: ${t('ui.switchLanguage')}`}
      onClick={() => setLang(other)}
    >
      {t('ui.switchLanguage')}
    </button>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { user, claims, signOut } = useSession();
  const { path } = useLocation();
  const menu = claims ? menuOf(claims) : [];
  return (
    <>
      <a class="skip" href="#main">
        {t('ui.skipToContent')}
      </a>
      <header class="top">
        <a class="brand" href="/">
          canbo
        </a>
        {menu.length > 0 && (
          <nav aria-label={t('ui.menu')}>
            <ul>
              {menu.map((m) => (
                <li key={m.href}>
                  <a
                    href={m.href}
                    aria-current={path === m.href || path.startsWith(`${m.href}/`) ? 'page' : undefined}
                  >
                    {t(m.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div class="account">
          <LanguageSwitch />
          {user && (
            <>
              <span class="who" title={user.email ?? ''}>
                {user.displayName ?? user.email}
                {claims && <small> · {t(`role.${claims.role}`)}</small>}
              </span>
              <button type="button" onClick={() => void signOut()}>
                {t('ui.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
