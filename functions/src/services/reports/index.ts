/**
 * The reports' use cases over the default app (created on first use, like
 * services/index.ts: the Cloud Tasks client is loaded only when a province
 * report is enqueued), and `reportDeps` for tests and the benchmark.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { CloudTasksReportQueue, ReportStore, type ReportQueue } from '../../data/reports';
import { defaultDeps, type ServiceDeps } from '../../lib/deps';
import { useCaseDeps } from '../deps';
import type { ReportDeps } from './run';

export {
  generateReport,
  failReport,
  runReportStep,
  scopeUnits,
  PAGE_SIZE,
  MAX_TABLE_BYTES,
  STEP_BUDGET_MS,
  type ReportDeps,
} from './run';
export { LocalReportQueue } from './local-queue';

export function reportDeps(
  db: Firestore,
  deps: ServiceDeps = defaultDeps,
  queue: ReportQueue = new CloudTasksReportQueue(),
): ReportDeps {
  return { ...useCaseDeps(db, deps), reports: new ReportStore(db), queue };
}

let bound: ReportDeps | undefined;

/** The reports' deps over the default app. */
export function getReportDeps(): ReportDeps {
  if (!bound) {
    if (getApps().length === 0) initializeApp();
    bound = reportDeps(getFirestore());
  }
  return bound;
}
