/** Planning under Regulation 377-QĐ/TW (docs/legal-basis.md §15): rules, the annual review, the structure. */
export * from './rules';
export * from './review';
export * from './structure';
export { parsePlanningTargets, PLANNING_TARGETS } from './targets';
