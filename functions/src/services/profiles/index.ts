/** The use cases on a person's private profile (docs/api.md). */
export { recordRestrictions, type RecordRestrictionsResult } from './record-restrictions';
