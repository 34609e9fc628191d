/**
 * Personal dossiers (issue 13; Law 91/2025 on personal data and Decree
 * 356/2025, docs/legal-basis.md §16, docs/personal-data.md): the access log of
 * reads of a private profile, the person's correction requests, the retention
 * marks of separated people, the settings that carry the law's periods, and
 * the inputs and answers of the dossier callables. The lists (fields,
 * purposes, who may state which) live zod-free in ./messages/dossiers.ts, so
 * the web client shares them.
 */
import { z } from 'zod';
import { CommuneCode, DocId, IsoDate, IsoDateTime, ProvinceCode } from './common';
import { CadrePrivate, CadreStatus } from './cadres';
import { RequestId } from './idempotency';
import { message, oneLine } from './messages';
import {
  DOSSIER_FIELDS,
  DOSSIER_PURPOSES,
  PURPOSE_DETAIL_MIN,
  type DossierFieldName,
} from './messages/dossiers';

export {
  DOSSIER_FIELDS,
  DOSSIER_PURPOSES,
  PURPOSE_DETAIL_MIN,
  PURPOSE_FIELDS,
  PURPOSES_BY_ROLE,
  isDossierReaderRole,
  type DossierFieldName,
  type DossierReaderRole,
} from './messages/dossiers';

export const DossierField = z.enum(DOSSIER_FIELDS);
export type DossierField = z.infer<typeof DossierField>;

export const DossierPurposeCode = z.enum(DOSSIER_PURPOSES);
export type DossierPurposeCode = z.infer<typeof DossierPurposeCode>;

/** A stated purpose: one of the list, and what it is about (the file, the decision, the case). */
export const DossierPurpose = z
  .strictObject({
    code: DossierPurposeCode,
    detail: z.string().trim().max(500),
  })
  .superRefine((p, ctx) => {
    if (p.code !== 'self' && p.detail.length < PURPOSE_DETAIL_MIN) {
      ctx.addIssue({
        code: 'custom',
        path: ['detail'],
        message: oneLine(message('dossier.error.purposeDetailShort', { min: PURPOSE_DETAIL_MIN })),
      });
    }
  });
export type DossierPurpose = z.infer<typeof DossierPurpose>;

/** A private profile's fields, one schema each: what a read returns and a correction writes. */
export const DOSSIER_FIELD_SCHEMAS = {
  nationalId: CadrePrivate.shape.nationalId,
  phone: CadrePrivate.shape.phone,
  family: CadrePrivate.shape.family,
  discipline: CadrePrivate.shape.discipline,
  restrictions: CadrePrivate.shape.restrictions,
} as const satisfies Record<DossierFieldName, z.ZodType>;

/** The part of a profile a read returned: only the fields of the read. */
export const DossierContent = CadrePrivate.pick({
  nationalId: true,
  phone: true,
  family: true,
  discipline: true,
  restrictions: true,
}).partial();
export type DossierContent = z.infer<typeof DossierContent>;

/**
 * dossierReads/{id}: one served read of a private profile — who (uid, role),
 * when, which fields were returned, the stated purpose, whose dossier, and the
 * scope fields of that person (province, home commune). Written by
 * getCadreDossier in the transaction that reads the profile, so a served read
 * has exactly one entry and a refused one none. Read by the auditors of the
 * province and by the person concerned (firestore.rules).
 */
export const DossierRead = z.object({
  id: DocId,
  cadreId: DocId,
  provinceCode: ProvinceCode,
  /** The person's home commune (whose quota they are on); null for a provincial unit. */
  communeCode: CommuneCode.nullable(),
  reader: z.object({ uid: z.string().min(1), role: z.string().min(1) }),
  /** The person read their own dossier. */
  self: z.boolean(),
  at: IsoDateTime,
  fields: z.array(DossierField).min(1),
  purpose: z.object({ code: DossierPurposeCode, detail: z.string() }),
});
export type DossierRead = z.infer<typeof DossierRead>;

export const CorrectionStatus = z.enum(['open', 'accepted', 'rejected']);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/**
 * correctionRequests/{id}: a person's request to correct a field of their
 * private profile (Law 91/2025: the right to have one's data corrected). The
 * province admin accepts it (the change is written to the profile in the same
 * transaction, audited) or rejects it with a reason, by `dueOn` (the response
 * time of the settings, in working days). Read by the province admins and
 * auditors of the province and by the person.
 */
export const CorrectionRequest = z.object({
  id: DocId,
  cadreId: DocId,
  provinceCode: ProvinceCode,
  communeCode: CommuneCode.nullable(),
  field: DossierField,
  /** What the person says is right, in their words (or the value itself for an ID or a phone). */
  proposedValue: z.string().min(1).max(2000),
  reason: z.string().min(1).max(2000),
  status: CorrectionStatus,
  requestedBy: z.string().min(1),
  requestedAt: IsoDateTime,
  /** The last day of the response time (Vietnam calendar): open after it, the request is overdue. */
  dueOn: IsoDate,
  /** The response time it was given, in working days (the settings may change later). */
  responseWorkingDays: z.number().int().positive(),
  decidedBy: z.object({ uid: z.string().min(1), role: z.string().min(1) }).nullable(),
  decidedAt: IsoDateTime.nullable(),
  /** Why it was accepted or rejected (a rejection always has one). */
  decisionNote: z.string().nullable(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

/**
 * dossierRetention/{cadreId}: a separated person's private profile, marked for
 * deletion when the retention period after separation ends, then the
 * tombstone of the deletion (what was deleted, when, by which run; never the
 * values). Written by the retention job; read by the province admins and
 * auditors of the province.
 */
export const RetentionMark = z.object({
  cadreId: DocId,
  provinceCode: ProvinceCode,
  communeCode: CommuneCode.nullable(),
  state: z.enum(['marked', 'deleted']),
  /** The status that separated the person (retired, left). */
  cadreStatus: CadreStatus,
  /** The first day the job knew them separated (the person's last change, at the latest that day). */
  separatedOn: IsoDate,
  retentionMonths: z.number().int().positive(),
  /** From this day the profile is deleted. */
  deleteOn: IsoDate,
  markedAt: IsoDateTime,
  deletedAt: IsoDateTime.nullable(),
  /** The fields the deleted profile held (names only). */
  deletedFields: z.array(DossierField),
  runId: z.string().min(1),
});
export type RetentionMark = z.infer<typeof RetentionMark>;

/** How sure we are of a value taken from the law (docs/legal-basis.md: [C], [U], [S]). */
export const Sureness = z.enum(['confirmed', 'unconfirmed', 'system']);

/**
 * The law's periods as configuration, each marked with how sure we are
 * (docs/legal-basis.md §16). A deployment sets them with the params
 * DOSSIER_CORRECTION_WORKING_DAYS and DOSSIER_RETENTION_MONTHS.
 */
export const DossierSettings = z.object({
  correction: z.object({
    /** Working days (Monday–Friday) to answer a correction request. */
    workingDays: z.number().int().min(1).max(30),
    sure: Sureness,
  }),
  retention: z.object({
    /** Months after separation before the private profile is deleted. */
    months: z.number().int().min(1).max(1200),
    sure: Sureness,
  }),
});
export type DossierSettings = z.infer<typeof DossierSettings>;

/**
 * Defaults (docs/legal-basis.md §16): 2 working days to answer a data
 * subject's request, as reported of Decree 356/2025 [C as reported; the
 * Decree's article was not read]; 60 months of retention after separation, a
 * policy choice [U]: the law says "as long as the purpose requires unless a
 * law says otherwise", and the archives law's periods for personnel files were
 * not confirmed.
 */
export const DEFAULT_DOSSIER_SETTINGS: DossierSettings = {
  correction: { workingDays: 2, sure: 'confirmed' },
  retention: { months: 60, sure: 'unconfirmed' },
};

// Inputs of the callables (docs/api.md, "Personal dossiers")

/** getCadreDossier: a read is never replayed (each is logged), so no requestId. */
export const ZGetCadreDossierInput = z.strictObject({
  cadreId: DocId,
  purpose: DossierPurpose,
  /** The fields wanted; absent: every field the purpose needs. */
  fields: z
    .array(DossierField)
    .min(1)
    .max(DOSSIER_FIELDS.length)
    .refine((f) => new Set(f).size === f.length)
    .optional(),
});
export type TGetCadreDossierInput = z.infer<typeof ZGetCadreDossierInput>;

/** The answer of getCadreDossier. */
export interface DossierView {
  cadreId: string;
  fullName: string;
  /** The access-log entry this read wrote. */
  readId: string;
  fields: DossierField[];
  content: DossierContent;
  updatedAt: string;
}

/** requestDossierCorrection: the person (claims.cadreId) asks to correct one field. */
export const ZRequestDossierCorrectionInput = z.strictObject({
  field: DossierField,
  proposedValue: z.string().trim().min(1).max(2000),
  reason: z.string().trim().min(10).max(2000),
  requestId: RequestId.optional(),
});
export type TRequestDossierCorrectionInput = z.infer<typeof ZRequestDossierCorrectionInput>;

/**
 * decideDossierCorrection: a province admin accepts (writing `value`, or for
 * the national ID and the phone the proposed text when `value` is absent) or
 * rejects (with a note of at least 10 characters).
 */
export const ZDecideDossierCorrectionInput = z.strictObject({
  correctionId: DocId,
  decision: z.enum(['accept', 'reject']),
  value: z.unknown().optional(),
  note: z.string().trim().min(3).max(2000),
  requestId: RequestId.optional(),
});
export type TDecideDossierCorrectionInput = z.infer<typeof ZDecideDossierCorrectionInput>;

/** previewDossierRetention: what the retention job would do in the caller's province now. */
export const ZPreviewDossierRetentionInput = z.strictObject({});
export type TPreviewDossierRetentionInput = z.infer<typeof ZPreviewDossierRetentionInput>;
