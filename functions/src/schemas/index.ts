/** Schemas of every collection (docs/data-model.md describes them). */
export * from './common';
export * from './units';
export * from './positions';
export * from './quotas';
export * from './cadres';
export * from './movements';
export * from './evaluations';
export * from './ratings';
export * from './jobs';
export * from './audit';
