/** checkQuota({ unitCode, block, year?, delta? }) */
import { ZCheckQuotaInput } from '@canbo/model';
import { callable } from './handler';

export const checkQuota = callable(ZCheckQuotaInput, (actor, input, u) => u.checkQuota(actor, input));
