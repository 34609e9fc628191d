/**
 * Pieces the dossier pages share: the content of a read (only the fields it
 * returned), the notice that reads are logged, and the table of reads.
 */
import type { DossierContent, DossierRead } from '@canbo/model';
import type { MessageKey } from '@canbo/model/messages';
import { Table, type Column } from '../../components/Table';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

const RESTRICTION_FLAGS = [
  'underDisciplineReview',
  'underInvestigation',
  'seriousIllness',
  'longTermTraining',
  'pregnantOrMaternity',
  'specialHardship',
] as const;

export function LoggedNotice() {
  const { t } = useI18n();
  return (
    <p class="notice" role="note" data-dossier-logged>
      {t('dossier.logged')}
    </p>
  );
}

/** The fields of one read, each under its label; a field the read did not return is not shown at all. */
export function DossierContentView({ content }: { content: DossierContent }) {
  const { t } = useI18n();
  const r = content.restrictions;
  const flags = r ? RESTRICTION_FLAGS.filter((k) => r[k]) : [];
  return (
    <dl class="facts" data-dossier-content>
      {content.nationalId !== undefined && (
        <>
          <dt>{t('dossier.field.nationalId')}</dt>
          <dd data-field="nationalId">{content.nationalId}</dd>
        </>
      )}
      {content.phone !== undefined && (
        <>
          <dt>{t('dossier.field.phone')}</dt>
          <dd data-field="phone">{content.phone ?? t('dossier.none')}</dd>
        </>
      )}
      {content.family !== undefined && (
        <>
          <dt>{t('dossier.field.family')}</dt>
          <dd data-field="family">
            {content.family.length === 0
              ? t('dossier.none')
              : content.family.map((f) => (
                  <div key={`${f.relation}-${f.fullName}`}>
                    {t(`relation.${f.relation}` as MessageKey)}: {f.fullName} ({f.birthYear})
                  </div>
                ))}
          </dd>
        </>
      )}
      {content.discipline !== undefined && (
        <>
          <dt>{t('dossier.field.discipline')}</dt>
          <dd data-field="discipline">
            {content.discipline.length === 0
              ? t('dossier.none')
              : content.discipline.map((x) => (
                  <div key={x.decisionNo}>
                    {t(`dossier.disciplineLevel.${x.level}`)} — {x.decisionNo} ({formatDate(x.decidedOn)}):{' '}
                    {x.reason}
                  </div>
                ))}
          </dd>
        </>
      )}
      {r !== undefined && (
        <>
          <dt>{t('dossier.field.restrictions')}</dt>
          <dd data-field="restrictions">
            {flags.map((k) => (
              <div key={k}>{t(`dossier.restriction.${k}`)}</div>
            ))}
            {r.youngestChildBirthDate && (
              <div>
                {t('dossier.restriction.youngestChildBirthDate')}: {formatDate(r.youngestChildBirthDate)}
              </div>
            )}
            {r.headRestriction && (
              <div>
                {t('dossier.restriction.headRestriction')}: {r.headRestriction.decisionNo}
              </div>
            )}
            {flags.length === 0 && !r.youngestChildBirthDate && !r.headRestriction && (
              <div>{t('dossier.restriction.none')}</div>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

/** The reads of the access log, newest first, with an Excel export. `showCadre` for the auditor's view. */
export function ReadsTable({
  rows,
  caption,
  showCadre,
}: {
  rows: readonly DossierRead[];
  caption: string;
  showCadre: boolean;
}) {
  const { t } = useI18n();
  const columns: Column<DossierRead>[] = [
    { key: 'at', label: 'dossier.at', value: (r) => r.at, render: (r) => formatDateTime(r.at) },
    ...(showCadre
      ? [
          {
            key: 'cadre',
            label: 'dossier.cadre' as const,
            value: (r: DossierRead) => r.cadreId,
            render: (r: DossierRead) => <a href={`/cadres/${r.cadreId}`}>{r.cadreId}</a>,
          },
        ]
      : []),
    {
      key: 'reader',
      label: 'dossier.reader',
      value: (r) => (r.self ? t('dossier.self') : r.reader.uid),
    },
    { key: 'role', label: 'dossier.role', value: (r) => t(`role.${r.reader.role}` as MessageKey) },
    { key: 'purpose', label: 'dossier.purpose', value: (r) => t(`dossier.purpose.${r.purpose.code}`) },
    { key: 'detail', label: 'dossier.detail', value: (r) => r.purpose.detail },
    {
      key: 'fields',
      label: 'dossier.fields',
      value: (r) => r.fields.map((f) => t(`dossier.field.${f}`)).join(', '),
    },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowAttr="data-read"
      initialSort={{ key: 'at', dir: 'desc' }}
    />
  );
}
