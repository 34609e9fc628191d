/** Personal dossiers (issue 13): who reads what, corrections, retention. Pure. */
export * from './access';
export * from './calendar';
export * from './corrections';
export * from './retention';
