/**
 * The retention job (issue 13; Law 91/2025: personal data kept only as long
 * as its purpose requires; docs/personal-data.md "Retention"): for every
 * separated person (retired, left) it marks the private profile for deletion
 * after the retention period, and once the period has ended deletes the
 * profile, leaving a tombstone (`dossierRetention/{cadreId}`, state
 * `deleted`, with the names of the deleted fields) and an audit entry, in one
 * transaction per person. People back in service are unmarked. It fans out in
 * small pages of ids (one query page, then one short transaction per person),
 * so no transaction holds many documents and a crash loses at most a page.
 *
 * Dry run: the same plan, decided on the same reads, but nothing is written;
 * the report lists what would be marked, deleted and unmarked.
 */
import { DOSSIER_FIELDS, message, oneLine, type RetentionMark } from '@canbo/model';
import { planRetention, SEPARATED_STATUSES, type RetentionAction } from '../../domain/dossiers';
import { today } from '../../lib/clock';
import type { DossierDeps } from './deps';
import { log } from '../../log';

export interface RetentionOptions {
  dryRun: boolean;
  /** Ids per query page (default 100). */
  pageSize?: number;
  /** Only this province (a province admin's preview); absent: every province. */
  provinceCode?: string;
}

export interface RetentionReport {
  runId: string;
  dryRun: boolean;
  today: string;
  retentionMonths: number;
  /** People visited (separated people and marks). */
  visited: number;
  marked: string[];
  deleted: string[];
  unmarked: string[];
  /** Query pages read. */
  pages: number;
}

export const SYSTEM_ACTOR_UID = 'system:dossierRetention';

export async function runDossierRetention(
  deps: DossierDeps,
  options: RetentionOptions,
): Promise<RetentionReport> {
  const pageSize = options.pageSize ?? 100;
  const report: RetentionReport = {
    runId: deps.newId('retention'),
    dryRun: options.dryRun,
    today: today(deps.clock),
    retentionMonths: deps.settings.retention.months,
    visited: 0,
    marked: [],
    deleted: [],
    unmarked: [],
    pages: 0,
  };
  const seen = new Set<string>();
  // Pass 1: the separated people. Pass 2: marks of people who may be back in service.
  const passes = [
    (after?: string) =>
      deps.dossiers.separatedPage(SEPARATED_STATUSES, pageSize, after, options.provinceCode),
    (after?: string) => deps.dossiers.markedPage(pageSize, after, options.provinceCode),
  ];
  for (const next of passes) {
    let after: string | undefined;
    do {
      const page = await next(after);
      report.pages++;
      for (const id of page.ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        report.visited++;
        const action = await onePerson(deps, id, report, options.dryRun);
        if (action.action === 'mark') report.marked.push(id);
        if (action.action === 'delete') report.deleted.push(id);
        if (action.action === 'unmark') report.unmarked.push(id);
      }
      after = page.next;
    } while (after);
  }
  log.info('dossier.retentionRun', {
    runId: report.runId,
    dryRun: report.dryRun,
    province: options.provinceCode ?? null,
    visited: report.visited,
    marked: report.marked.length,
    deleted: report.deleted.length,
    unmarked: report.unmarked.length,
    deletedIds: report.deleted,
  });
  return report;
}

/** One person's plan, decided and (unless a dry run) carried out in one transaction. */
async function onePerson(
  deps: DossierDeps,
  cadreId: string,
  report: RetentionReport,
  dryRun: boolean,
): Promise<RetentionAction> {
  return deps.db.runTransaction(async (tx) => {
    const { cadre, profile, mark } = await deps.dossiers.read(tx, cadreId);
    const action = planRetention({
      cadre,
      mark,
      hasProfile: profile !== undefined,
      today: report.today,
      retentionMonths: report.retentionMonths,
    });
    if (dryRun || action.action === 'none') return action;
    const now = deps.clock.now().toISOString();
    if (action.action === 'unmark') {
      deps.dossiers.removeMark(tx, cadreId);
      return action;
    }
    // mark or delete: the person is separated, so `cadre` is there.
    if (!cadre) return { action: 'none' };
    const base: RetentionMark = {
      cadreId,
      provinceCode: cadre.provinceCode,
      communeCode: cadre.homeCommuneCode,
      state: 'marked',
      cadreStatus: cadre.status,
      separatedOn: action.separatedOn,
      retentionMonths: report.retentionMonths,
      deleteOn: action.deleteOn,
      markedAt: mark?.markedAt ?? now,
      deletedAt: null,
      deletedFields: [],
      runId: report.runId,
    };
    if (action.action === 'mark') {
      deps.dossiers.saveMark(tx, base);
      return action;
    }
    // delete: the profile goes; the tombstone and the audit entry say what and when, not the values.
    const deletedFields = DOSSIER_FIELDS.filter((f) => profile?.[f] !== undefined);
    deps.dossiers.deleteProfile(tx, cadreId);
    deps.dossiers.saveMark(tx, { ...base, state: 'deleted', deletedAt: now, deletedFields });
    deps.repos.audit.append(tx, {
      actor: { uid: SYSTEM_ACTOR_UID, role: 'system', province: cadre.provinceCode },
      action: 'dossier.retentionDeleted',
      target: `cadres/${cadreId}/private/profile`,
      before: { fields: deletedFields, separatedOn: action.separatedOn, cadreStatus: cadre.status },
      after: null,
      reason: oneLine(
        message('dossier.audit.retentionDeleted', {
          months: report.retentionMonths,
          separatedOn: action.separatedOn,
        }),
      ),
    });
    return action;
  });
}
