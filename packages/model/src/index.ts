/**
 * @canbo/model: what the server, the scripts and the web client share. It
 * depends on zod only and imports nothing else of the project
 * (eslint.config.mjs enforces it), so a browser bundle pays for zod and the
 * schemas it uses, nothing of Firebase's server SDKs.
 */
export * from './common';
export * from './ids';
export * from './roles';
export * from './units';
export * from './positions';
export * from './catalogue';
export * from './norms';
export * from './checks';
export * from './quotas';
export * from './cadres';
export * from './movements';
export * from './levels';
export * from './evaluations';
export * from './evaluation-api';
export * from './evaluation-rules';
export * from './screening';
export * from './ratings';
// Issue 11: receipts, ratings and satisfaction (H8)
export * from './receipts';
export * from './satisfaction';
export * from './jobs';
export * from './audit';
export * from './api';
export * from './messages';
export * from './scopes';
// Issue 13: area monitors (H-monitors)
export * from './monitors';
export * from './idempotency';
export * from './stats';
// Issue 13: the board's reports (H-reports)
export * from './reports';
// Issue 13: planning (H-planning)
export * from './planning';
// Issue 13: personal dossiers (H-dossiers)
export * from './dossiers';
