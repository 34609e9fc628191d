/**
 * The law's periods for personal dossiers, as deployment configuration
 * (docs/legal-basis.md §16, docs/personal-data.md "Settings"): the response
 * time of a correction request in working days (DOSSIER_CORRECTION_WORKING_DAYS,
 * default 2) and the retention after separation in months
 * (DOSSIER_RETENTION_MONTHS, default 60), and whether the retention job only
 * reports (DOSSIER_RETENTION_DRY_RUN). Values are validated by the model's
 * DossierSettings; a value set by the deployment is marked as a
 * province's decision (`system`) rather than as the law.
 */
import { defineBoolean, defineInt } from 'firebase-functions/params';
import { DEFAULT_DOSSIER_SETTINGS, DossierSettings } from '@canbo/model';

export const dossierParams = {
  correctionWorkingDays: defineInt('DOSSIER_CORRECTION_WORKING_DAYS', {
    default: DEFAULT_DOSSIER_SETTINGS.correction.workingDays,
    description: 'Working days to answer a request to correct personal data (Decree 356/2025, as reported)',
  }),
  retentionMonths: defineInt('DOSSIER_RETENTION_MONTHS', {
    default: DEFAULT_DOSSIER_SETTINGS.retention.months,
    description: "Months a separated person's private profile is kept before deletion",
  }),
  retentionDryRun: defineBoolean('DOSSIER_RETENTION_DRY_RUN', {
    default: false,
    description: 'The retention job only reports what it would delete',
  }),
};

function setParam(name: string): boolean {
  return process.env[name] !== undefined;
}

/** The settings of this deployment (defaults where unset), validated. */
export function readDossierSettings(): DossierSettings {
  const correction = setParam(dossierParams.correctionWorkingDays.name)
    ? { workingDays: dossierParams.correctionWorkingDays.value(), sure: 'system' as const }
    : DEFAULT_DOSSIER_SETTINGS.correction;
  const retention = setParam(dossierParams.retentionMonths.name)
    ? { months: dossierParams.retentionMonths.value(), sure: 'system' as const }
    : DEFAULT_DOSSIER_SETTINGS.retention;
  return DossierSettings.parse({ correction, retention });
}

/** Whether the scheduled retention run only reports. */
export function retentionDryRun(): boolean {
  return setParam(dossierParams.retentionDryRun.name) ? dossierParams.retentionDryRun.value() : false;
}
