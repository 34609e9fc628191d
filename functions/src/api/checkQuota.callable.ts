/** checkQuota({ unitCode, block, year?, delta? }) */
import { ZCheckQuotaInput } from '../schemas/api';
import { callable } from './handler';

export const checkQuota = callable(ZCheckQuotaInput, (actor, input, s) =>
  s.movements.checkQuota(actor, input),
);
