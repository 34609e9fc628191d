/** The quota use cases (docs/api.md, "Quotas by year"). */
export { allocateQuota, type AllocateQuotaResult } from './allocate';
export { carryOverQuotas, carryOverQuotaYear, type CarryOverResult } from './carry-over';
export { readYearQuotas, type QuotaKey } from './years';
