/**
 * The planning term chooser and the link to the other planning page, shared
 * by the lists page and the structure page (the term is the one thing both
 * are read by).
 */
import { useI18n } from '../../lib/i18n';
import { TERMS, type Term } from './data';

export function TermPicker({
  term,
  onChange,
  other,
}: {
  term: Term;
  onChange: (term: Term) => void;
  /** The other planning page: its path and its title's catalogue key. */
  other: { href: string; label: 'planning.ui.title' | 'planning.ui.structure' };
}) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('planning.ui.term')}{' '}
        <select
          name="term"
          value={term}
          onChange={(e) => onChange((e.target as HTMLSelectElement).value as Term)}
        >
          {TERMS.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>{' '}
      <a class="button" href={other.href}>
        {t(other.label)}
      </a>
    </>
  );
}
