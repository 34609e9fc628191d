/** recordSelfAssessment({ period, text, requestId? }) */
import { ZRecordSelfAssessmentInput } from '@canbo/model';
import { callable } from './handler';

export const recordSelfAssessment = callable(ZRecordSelfAssessmentInput, (actor, input, u) =>
  u.recordSelfAssessment(actor, input),
);
