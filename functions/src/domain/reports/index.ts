/** The board's reports as pure builders: input rows → a table model (docs/reports.md). */
export * from './table';
export * from './staffing';
export * from './movements';
export * from './reinforcement';
export * from './evaluations';
export * from './planning';
export * from './monitors';
