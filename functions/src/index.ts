/**
 * canbo Cloud Functions (2nd gen). Exports only; every function lives in its
 * own module under api/ or jobs/ (see ../../README.md and ../../docs/api.md).
 * The region is set once, in ./global-options.ts, before any function is defined.
 */
import './global-options';
import { onCall } from 'firebase-functions/v2/https';

/**
 * Liveness probe used by `npm start` and the smoke tests: answers with the
 * service name and the caller's uid (or null), touching no data.
 */
export const ping = onCall((request) => ({ service: 'canbo', uid: request.auth?.uid ?? null }));

export { checkQuota } from './api/checkQuota.callable';
export { proposeMovement } from './api/proposeMovement.callable';
export { decideMovement } from './api/decideMovement.callable';
export { startMovement } from './api/startMovement.callable';
export { completeMovement } from './api/completeMovement.callable';
export { extendMovement } from './api/extendMovement.callable';
export { cancelMovement } from './api/cancelMovement.callable';
export { setUserScope } from './api/setUserScope.callable';
export { flagMovementAlerts } from './jobs/movementAlerts.scheduler';
export { allocateQuota } from './api/allocateQuota.callable';
export { carryOverQuotas } from './api/carryOverQuotas.callable';
export { carryOverQuotasYearly } from './jobs/carryOverQuotas.scheduler';
export { reconcileClaims } from './api/reconcileClaims.callable';
export { recordRestrictions } from './api/recordRestrictions.callable';
export { reconcileClaimsSchedule } from './jobs/reconcileClaims.scheduler';
export { rebuildUnitStats } from './api/rebuildUnitStats.callable';
export { rebuildUnitStatsNightly } from './jobs/unitStats.scheduler';
// Issue 11: receipts and citizen ratings (H8)
export { registerReceipts } from './api/registerReceipts.callable';
export { getReceiptForRating } from './api/getReceiptForRating.callable';
export { submitRating } from './api/submitRating.callable';
export { getSatisfaction } from './api/getSatisfaction.callable';
export { reviewRating } from './api/reviewRating.callable';
// Issue 12: the quarterly evaluation (Decree 335/2025)
export { recordEvaluationInputs } from './api/recordEvaluationInputs.callable';
export { recordSelfAssessment } from './api/recordSelfAssessment.callable';
export { previewEvaluation } from './api/previewEvaluation.callable';
export { runEvaluation } from './api/runEvaluation.callable';
export { reviewEvaluation } from './api/reviewEvaluation.callable';
export { finaliseEvaluations } from './api/finaliseEvaluations.callable';
export { evaluateQuarterSchedule } from './jobs/evaluateQuarter.scheduler';
export { evaluateUnit } from './jobs/evaluateUnit.task';
export { getEvaluationSummary } from './api/getEvaluationSummary.callable';
export { classifyYear } from './api/classifyYear.callable';
// Issue 13: screening and honours lists (H-evalweb)
export { getScreeningLists } from './api/getScreeningLists.callable';
export { recordHonour } from './api/recordHonour.callable';
// Issue 13: personal dossiers (H-dossiers)
export { getCadreDossier } from './api/getCadreDossier.callable';
export { requestDossierCorrection } from './api/requestDossierCorrection.callable';
export { decideDossierCorrection } from './api/decideDossierCorrection.callable';
export { previewDossierRetention } from './api/previewDossierRetention.callable';
export { dossierRetentionSchedule } from './jobs/dossierRetention.scheduler';
// Issue 13: area monitors (H-monitors)
export { assignMonitor } from './api/assignMonitor.callable';
export { reassignMonitorCommune } from './api/reassignMonitorCommune.callable';
export { recordMonitorEntry } from './api/recordMonitorEntry.callable';
export { updateMonitorEntry } from './api/updateMonitorEntry.callable';
export { getMonitorReport } from './api/getMonitorReport.callable';
// Issue 13: the board's reports (H-reports)
export { generateReport } from './api/generateReport.callable';
export { runReportJob } from './jobs/reportJob.task';
// Issue 13: planning under QĐ 377-QĐ/TW (H-planning)
export { addToPlanning } from './api/addToPlanning.callable';
export { removeFromPlanning } from './api/removeFromPlanning.callable';
export { checkPlanningCandidate } from './api/checkPlanningCandidate.callable';
export { reviewPlanning } from './api/reviewPlanning.callable';
export { getPlanningStructure } from './api/getPlanningStructure.callable';
export { planningReviewYearly } from './jobs/planningReview.scheduler';
