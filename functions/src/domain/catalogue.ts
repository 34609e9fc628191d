/**
 * The catalogue (data/catalogue/*.json): positions, the commune post
 * template, administrative procedures and staffing norms, loaded once and
 * validated by their schemas from @canbo/model, with the references between
 * files checked (every template post is a commune post of its block).
 *
 * The JSON is imported (resolveJsonModule), so tsc, ts-jest and tsx resolve it
 * like a module. tsc does not copy a JSON file that sits outside `rootDir`; the
 * emitted `lib/domain/catalogue.js` requires `../../../data/catalogue/*.json`,
 * which is the same file because lib/ and src/ are at the same depth. A
 * deployment that uploads functions/ alone must bundle the catalogue with it.
 */
import {
  CommuneTemplate,
  type Position,
  PositionCatalogue,
  type Procedure,
  ProcedureCatalogue,
  StaffingNormsCatalogue,
} from '@canbo/model';
import type { z } from 'zod';
import communeTemplateJson from '../../../data/catalogue/commune-template.json';
import normsJson from '../../../data/catalogue/norms.json';
import positionsJson from '../../../data/catalogue/positions.json';
import proceduresJson from '../../../data/catalogue/procedures.json';

/** A catalogue file that does not match its schema or names what another file lacks. */
export class CatalogueInvalid extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`data/catalogue/${file} is invalid: ${issues.join('; ')}`);
  }
}

/** Parses one catalogue file's content with its schema; a mismatch names the file and each problem. */
export function parseCatalogueFile<T>(file: string, schema: z.ZodType<T>, json: unknown): T {
  const r = schema.safeParse(json);
  if (!r.success)
    throw new CatalogueInvalid(
      file,
      r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`),
    );
  return r.data;
}

/** Every catalogue file, parsed and cross-checked. */
export interface Catalogue {
  positions: PositionCatalogue;
  communeTemplate: CommuneTemplate;
  procedures: ProcedureCatalogue;
  norms: StaffingNormsCatalogue;
}

/** Parses the four files' contents; exported so tests can feed it broken data. */
export function parseCatalogue(files: {
  positions: unknown;
  communeTemplate: unknown;
  procedures: unknown;
  norms: unknown;
}): Catalogue {
  const positions = parseCatalogueFile('positions.json', PositionCatalogue, files.positions);
  const communeTemplate = parseCatalogueFile('commune-template.json', CommuneTemplate, files.communeTemplate);
  const byId = new Map(positions.positions.map((p) => [p.id, p]));
  const issues: string[] = [];
  const commonPost = (block: string, id: string, where: string) => {
    const p = byId.get(id);
    if (!p) issues.push(`${where}: unknown position ${id}`);
    else if (p.level !== 'commune' || p.block !== block)
      issues.push(`${where}: ${id} is not a commune post of the ${block} block`);
  };
  for (const [block, entries] of Object.entries(communeTemplate.blocks))
    for (const e of entries) commonPost(block, e.positionId, `blocks.${block}`);
  for (const [block, id] of Object.entries(communeTemplate.genericPost))
    commonPost(block, id, `genericPost.${block}`);
  if (issues.length > 0) throw new CatalogueInvalid('commune-template.json', issues);
  return {
    positions,
    communeTemplate,
    procedures: parseCatalogueFile('procedures.json', ProcedureCatalogue, files.procedures),
    norms: parseCatalogueFile('norms.json', StaffingNormsCatalogue, files.norms),
  };
}

/** The catalogue shipped in data/catalogue, validated when this module is first loaded. */
export const CATALOGUE: Catalogue = parseCatalogue({
  positions: positionsJson,
  communeTemplate: communeTemplateJson,
  procedures: proceduresJson,
  norms: normsJson,
});

/** Administrative procedures by id. */
export const PROCEDURES: readonly Procedure[] = CATALOGUE.procedures.procedures;
export const PROCEDURE_BY_ID: ReadonlyMap<string, Procedure> = new Map(PROCEDURES.map((p) => [p.id, p]));

/** Positions of the catalogue (re-exported by positions.ts under their historic names). */
export const CATALOGUE_POSITIONS: readonly Position[] = CATALOGUE.positions.positions;
