/** The rating form and its states: loading, not rateable (and why), the form, thanks. */
import { useEffect, useState } from 'preact/hooks';
import { RATING_MESSAGES } from '@canbo/model/messages/ratings';
import type { ReceiptForRating } from '@canbo/model';
import { CallError, getReceiptForRating, submitRating } from './api';

type Lang = 'vi' | 'en';
type Key = keyof typeof RATING_MESSAGES;

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function initialLang(): Lang {
  try {
    return localStorage.getItem('canbo.lang') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** YYYY-MM-DD as the reader writes dates. */
function date(iso: string | null, lang: Lang): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return lang === 'vi'
    ? `${d}/${m}/${y}`
    : `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
}

type State =
  | { kind: 'loading' }
  | { kind: 'refused'; text: { vi: string; en: string } }
  | { kind: 'form'; receipt: ReceiptForRating }
  | { kind: 'thanks' };

const LEVELS = [5, 4, 3, 2, 1] as const;

export function RatePage({ receiptNo, code }: { receiptNo: string; code: string }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [scores, setScores] = useState<Record<string, number>>({});
  const [trips, setTrips] = useState<0 | 1 | 2 | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ vi: string; en: string } | null>(null);
  const t = (key: Key, params: Record<string, string | number> = {}) =>
    fill(RATING_MESSAGES[key][lang], params);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem('canbo.lang', lang);
    } catch {
      // Private browsing: the choice lasts for this visit.
    }
  }, [lang]);

  useEffect(() => {
    getReceiptForRating({ receiptNo, code }).then(
      (receipt) => {
        if (receipt.state === 'open') setState({ kind: 'form', receipt });
        else {
          const key: Key =
            receipt.state === 'rated'
              ? 'rating.alreadyRated'
              : receipt.state === 'closed'
                ? 'rating.windowClosed'
                : 'rating.notReturned';
          const p = { days: receipt.windowDays, returnedOn: date(receipt.returnedOn, 'vi') };
          setState({
            kind: 'refused',
            text: {
              vi: fill(RATING_MESSAGES[key].vi, p),
              en: fill(RATING_MESSAGES[key].en, { ...p, returnedOn: date(receipt.returnedOn, 'en') }),
            },
          });
        }
      },
      (err: unknown) =>
        setState({
          kind: 'refused',
          text: (err instanceof CallError && err.text) || RATING_MESSAGES['rating.invalidLink'],
        }),
    );
  }, [receiptNo, code]);

  const toggle = (
    <button type="button" class="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
      {t('citizen.language')}
    </button>
  );
  const header = (
    <header>
      <h1>{t('citizen.title')}</h1>
      {toggle}
    </header>
  );

  if (state.kind === 'loading')
    return (
      <>
        {header}
        <p>{t('citizen.loading')}</p>
      </>
    );
  if (state.kind === 'refused')
    return (
      <>
        {header}
        <p class="notice" role="alert">
          {state.text[lang]}
        </p>
      </>
    );
  if (state.kind === 'thanks')
    return (
      <>
        {header}
        <p class="notice ok" role="status">
          {t('citizen.thanks')}
        </p>
      </>
    );

  const r = state.receipt;
  const complete = r.criteria.every((c) => scores[c.id] !== undefined) && trips !== null;
  const send = async (e: Event) => {
    e.preventDefault();
    if (!complete || trips === null) {
      setProblem(RATING_MESSAGES['citizen.rateAll']);
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      await submitRating({
        receiptNo,
        code,
        criteria: { overall: scores.overall!, ...scores },
        trips,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setState({ kind: 'thanks' });
    } catch (err) {
      setProblem((err instanceof CallError && err.text) || RATING_MESSAGES['citizen.error']);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {header}
      <dl class="receipt">
        <dt>{t('citizen.procedure')}</dt>
        <dd>{lang === 'vi' ? r.procedure.name : r.procedure.nameEn}</dd>
        <dt>{t('citizen.office')}</dt>
        <dd>{r.office.name}</dd>
        <dt>{t('citizen.officer')}</dt>
        <dd>{r.officer ?? t('citizen.noOfficer')}</dd>
        <dt>{t('citizen.returnedOn')}</dt>
        <dd>{date(r.returnedOn, lang)}</dd>
      </dl>
      {r.rateBy && <p class="muted">{t('citizen.deadline', { date: date(r.rateBy, lang) })}</p>}
      <form onSubmit={send}>
        {r.criteria.map((c) => (
          <fieldset key={c.id}>
            <legend>{c.label[lang]}</legend>
            <div class="scale">
              {LEVELS.map((level) => (
                <label key={level} class={scores[c.id] === level ? 'chosen' : ''}>
                  <input
                    type="radio"
                    name={c.id}
                    value={level}
                    checked={scores[c.id] === level}
                    onChange={() => setScores({ ...scores, [c.id]: level })}
                  />
                  <span class="n">{level}</span>
                  <span class="t">{t(`likert.${level}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('citizen.trips')}</legend>
          <div class="trips">
            {([0, 1, 2] as const).map((n) => (
              <label key={n} class={trips === n ? 'chosen' : ''}>
                <input
                  type="radio"
                  name="trips"
                  value={n}
                  checked={trips === n}
                  onChange={() => setTrips(n)}
                />
                {t(`citizen.trips.${n}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label class="comment">
          {t('citizen.comment')}
          <textarea
            maxLength={1000}
            rows={3}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <small class="muted">{t('citizen.commentHint')}</small>
        </label>
        {problem && (
          <p class="notice" role="alert">
            {problem[lang]}
          </p>
        )}
        <button type="submit" class="send" disabled={sending}>
          {t('citizen.submit')}
        </button>
      </form>
    </>
  );
}
