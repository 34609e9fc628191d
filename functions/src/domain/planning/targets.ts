/**
 * The planning structure targets (data/catalogue/planning-targets.json),
 * parsed once with their schema: a broken file stops the program that loads
 * it, naming the file and each problem (as the rest of the catalogue does).
 */
import { PlanningTargetsCatalogue } from '@canbo/model';
import targetsJson from '../../../../data/catalogue/planning-targets.json';
import { parseCatalogueFile } from '../catalogue';

/** Parses the targets file's content; exported so tests can feed it broken data. */
export function parsePlanningTargets(json: unknown): PlanningTargetsCatalogue {
  return parseCatalogueFile('planning-targets.json', PlanningTargetsCatalogue, json);
}

export const PLANNING_TARGETS: PlanningTargetsCatalogue = parsePlanningTargets(targetsJson);
