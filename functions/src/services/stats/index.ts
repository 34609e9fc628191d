export {
  rebuildEveryProvince,
  rebuildUnitStats,
  rebuildUnitStatsOf,
  type RebuildAudit,
  type RebuildResult,
} from './rebuild';
