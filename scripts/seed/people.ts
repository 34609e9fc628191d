/**
 * cadres/{id} and cadres/{id}/private/profile: the people of the demo
 * province as they are before the movements are replayed. Communes are
 * staffed from the commune post template (data/catalogue), province agencies
 * from their tables; every post is a catalogue position.
 */
import { CATALOGUE } from '../../functions/src/domain/catalogue';
import { addDays } from '../../functions/src/domain/dates';
import { POSITION_BY_ID } from '../../functions/src/domain/positions';
import { familyCadreIds } from '../../functions/src/domain/relatives';
import {
  Block,
  type Cadre,
  type CadrePrivate,
  type EducationLevel,
  type PoliticalTheory,
  type Position,
  type Unit,
} from '@canbo/model';
import { type SeedContext, yearsBefore } from './context';
import { fullName, MINORITIES, minorityRegion } from './names';
import { agencyQuota, communeQuota, type QuotaDoc } from './quotas';
import type { Random } from './random';
import {
  EDUCATION,
  HEADCOUNT_SPREAD,
  MAJORS,
  minorityShare,
  POLITICAL_THEORY,
  PROVINCE_AGENCIES,
  PROVINCE_PLANNING,
  VACANT_KEY_POST,
} from './tables';

export interface People {
  agencies: Unit[];
  quotas: QuotaDoc[];
  cadres: Cadre[];
  privates: Map<string, CadrePrivate>;
}

function position(id: string): Position {
  const p = POSITION_BY_ID.get(id);
  if (!p) throw new Error(`The seed names position ${id}, which is not in the catalogue`);
  return p;
}

/** Share of women by post (demo values shaped on published staff statistics). */
function femaleShare(block: Block, p: Position): number {
  if (block === 'military') return 0.03;
  if (p.keyPost) return 0.12;
  if (p.leadership) return 0.25;
  return block === 'public_service' ? 0.62 : 0.48;
}

function education(rng: Random, p: Position): EducationLevel {
  if (p.level === 'province' && p.leadership) return rng.weighted(EDUCATION.provinceLeader);
  if (p.leadership) return rng.weighted(EDUCATION.leader);
  if (p.block === 'military') return rng.weighted(EDUCATION.military);
  return rng.weighted(EDUCATION.staff);
}

function politicalTheory(rng: Random, p: Position): PoliticalTheory {
  if (p.level === 'province' && p.keyPost) return 'advanced';
  if (p.keyPost) return rng.weighted(POLITICAL_THEORY.keyPost);
  if (p.leadership) return rng.weighted(POLITICAL_THEORY.leader);
  return rng.weighted(POLITICAL_THEORY.staff);
}

function ageFor(rng: Random, p: Position): number {
  if (p.keyPost) return Math.round(rng.normal(49, 5, 35, 59));
  if (p.leadership) return Math.round(rng.normal(44, 6, 30, 59));
  return Math.round(rng.normal(36, 8, 23, 60));
}

function nationalId(rng: Random, provinceCode: string, gender: 'male' | 'female', birthDate: string): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryGender = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  const serial = String(rng.int(0, 999_999)).padStart(6, '0');
  return `0${provinceCode}${centuryGender}${birthDate.slice(2, 4)}${serial}`;
}

/** One person holding `positionId` in `unitCode`, with their private profile. */
function person(
  ctx: SeedContext,
  unitCode: string,
  communeCode: string | null,
  block: Block,
  positionId: string,
  seq: number,
): { cadre: Cadre; profile: CadrePrivate } {
  const { rng, options } = ctx;
  const p = ctx.province.code;
  const post = position(positionId);
  const gender = rng.chance(femaleShare(block, post)) ? 'female' : 'male';
  const minority = rng.chance(minorityShare(communeCode ? (ctx.regionOf.get(communeCode) ?? null) : null));
  const ethnicity = minority ? rng.weighted(MINORITIES[minorityRegion(p)]) : 'Kinh';
  const age = ageFor(rng, post);
  const birthDate = yearsBefore(options.asOf, age, rng);
  const local = rng.chance(post.nonLocalRequired ? 0.35 : post.keyPost ? 0.7 : 0.9);
  const hometownProvince = local ? p : rng.pick(ctx.otherProvinces);
  const hometownCommune = local ? (communeCode ?? rng.pick(ctx.communes).code) : null;
  const startAge = rng.int(22, 26);
  const startedWorkOn = yearsBefore(options.asOf, Math.max(0, age - startAge), rng);
  const partyMember =
    post.standards.partyMemberRequired ||
    rng.chance(block === 'military' ? 0.9 : block === 'public_service' ? 0.4 : 0.65);
  const edu = education(rng, post);
  const id = `${unitCode}-${String(seq).padStart(4, '0')}`;
  const cadre: Cadre = {
    id,
    provinceCode: p,
    communeCode,
    fullName: fullName(rng, gender, ethnicity),
    gender,
    birthDate,
    ethnicity,
    ethnicMinority: minority,
    hometown: {
      provinceCode: hometownProvince,
      communeCode: hometownCommune,
      text: local
        ? `${hometownCommune ? (ctx.unitByCode.get(hometownCommune)?.name ?? '') + ', ' : ''}${ctx.province.name}`
        : (ctx.unitByCode.get(hometownProvince)?.name ?? ''),
    },
    category:
      block === 'military'
        ? 'military'
        : block === 'public_service'
          ? 'public_employee'
          : post.leadership && (post.keyPost || positionId.includes('chu_tich'))
            ? 'cadre'
            : 'civil_servant',
    block,
    education: { level: edu, major: rng.pick(MAJORS[block]) },
    politicalTheory: politicalTheory(rng, post),
    partyMember,
    partyJoinDate: partyMember ? addDays(startedWorkOn, rng.int(200, 2500)) : null,
    startedWorkOn,
    yearsInProvince: local ? Math.max(0, age - startAge) : rng.int(1, 8),
    homeUnitCode: unitCode,
    homeCommuneCode: communeCode,
    currentUnitCode: unitCode,
    posts: [
      {
        positionId,
        unitCode,
        concurrent: false,
        since: addDays(options.asOf, -rng.int(30, 1500)),
        decisionNo: post.leadership ? `${rng.int(10, 999)}/QĐ-UBND` : null,
      },
    ],
    planning: [],
    status: 'active',
    // None yet: the movements' replay adds them (scripts/seed/movements.ts).
    openMovements: [],
    updatedAt: ctx.now,
  };
  if (cadre.partyJoinDate && cadre.partyJoinDate > options.asOf)
    cadre.partyJoinDate = addDays(options.asOf, -30);
  if (cadre.posts[0]!.since < startedWorkOn) cadre.posts[0]!.since = startedWorkOn;
  const youngWoman = gender === 'female' && age >= 24 && age <= 40;
  const year = ctx.year;
  const nationalIdNo = nationalId(rng, hometownProvince, gender, birthDate);
  const phone = `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const family: CadrePrivate['family'] = [
    ...(rng.chance(0.8) && age > 25
      ? [
          {
            relation: 'spouse' as const,
            fullName: fullName(rng, gender === 'male' ? 'female' : 'male', 'Kinh'),
            birthYear: Number(birthDate.slice(0, 4)) + rng.int(-4, 4),
            cadreId: null,
          },
        ]
      : []),
    ...Array.from({ length: age > 28 ? rng.int(0, 3) : 0 }, () => ({
      relation: 'child' as const,
      fullName: fullName(rng, rng.chance(0.5) ? 'male' : 'female', 'Kinh'),
      birthYear: Math.min(year, Number(birthDate.slice(0, 4)) + rng.int(24, 38)),
      cadreId: null,
    })),
  ];
  const profile: CadrePrivate = {
    nationalId: nationalIdNo,
    phone,
    family,
    familyCadreIds: familyCadreIds(family),
    discipline: rng.chance(0.02)
      ? [
          {
            level: 'reprimand',
            decidedOn: addDays(options.asOf, -rng.int(30, 900)),
            decisionNo: `${rng.int(1, 300)}/QĐ-KL`,
            reason: 'Vi phạm quy chế làm việc',
          },
        ]
      : [],
    restrictions: {
      underDisciplineReview: rng.chance(0.005),
      underInvestigation: rng.chance(0.003),
      seriousIllness: rng.chance(0.005),
      longTermTraining: rng.chance(0.01),
      pregnantOrMaternity: youngWoman && rng.chance(0.05),
      youngestChildBirthDate:
        age >= 24 && age <= 42 && rng.chance(0.12) ? addDays(options.asOf, -rng.int(30, 1080)) : null,
      specialHardship: rng.chance(0.005),
    },
    updatedAt: ctx.now,
  };
  return { cadre, profile };
}

/** The template's posts of each block for one commune, in filling order (ranges drawn once per commune). */
function communePosts(rng: Random): Record<Block, string[]> {
  const t = CATALOGUE.communeTemplate;
  const posts = {} as Record<Block, string[]>;
  for (const block of Block.options) {
    posts[block] = t.blocks[block].flatMap((e) => {
      const n = typeof e.count === 'number' ? e.count : rng.int(e.count.min, e.count.max);
      return Array<string>(n).fill(e.positionId);
    });
  }
  return posts;
}

/** Staffs the communes and province agencies, with their quotas (counts still at zero). */
export function generatePeople(ctx: SeedContext): People {
  const { rng } = ctx;
  const cadres: Cadre[] = [];
  const privates = new Map<string, CadrePrivate>();
  const quotas: QuotaDoc[] = [];
  const add = (
    unitCode: string,
    communeCode: string | null,
    block: Block,
    positionId: string,
    seq: number,
  ) => {
    const { cadre, profile } = person(ctx, unitCode, communeCode, block, positionId, seq);
    cadres.push(cadre);
    privates.set(cadre.id, profile);
    return cadre;
  };

  for (const commune of ctx.communes) {
    const template = communePosts(rng);
    let seq = 0;
    const staff = {} as Record<Block, Cadre[]>;
    for (const block of Block.options) {
      const q = communeQuota(ctx, commune, block);
      quotas.push(q);
      const headcount = Math.max(1, q.allocated + rng.weighted(HEADCOUNT_SPREAD));
      const posts = template[block].slice(0, ctx.scaled(template[block].length));
      while (posts.length < headcount) posts.push(CATALOGUE.communeTemplate.genericPost[block]);
      staff[block] = [];
      for (const positionId of posts.slice(0, headcount)) {
        if (position(positionId).keyPost && rng.chance(VACANT_KEY_POST)) continue;
        staff[block].push(add(commune.code, commune.code, block, positionId, ++seq));
      }
    }
    concurrentPosts(staff, commune.code);
    planning(ctx, [...staff.government, ...staff.party], commune.code, communeNext);
  }

  const agencies: Unit[] = [];
  for (const a of PROVINCE_AGENCIES) {
    const code = `${ctx.province.code}-${a.suffix}`;
    agencies.push({
      code,
      name: a.name,
      type: 'agency',
      level: 'agency',
      provinceCode: ctx.province.code,
      parentCode: ctx.province.code,
      region: null,
      population: null,
      estimated: false,
      validFrom: '2025-07-01',
      validTo: null,
      predecessors: [],
      legalBasis: null,
    });
    const people: Cadre[] = [];
    for (const [positionId, count] of a.posts) {
      const n = position(positionId).holdersPerUnit === 1 ? 1 : ctx.scaled(count);
      for (let i = 0; i < n; i++) people.push(add(code, null, a.block, positionId, people.length + 1));
    }
    planning(ctx, people, code, (id) => PROVINCE_PLANNING[id]);
    quotas.push(agencyQuota(ctx, code, a.block, people.length));
  }
  return { agencies, quotas, cadres, privates };
}

/** Concurrent posts (kiêm nhiệm): the Party secretary chairs the People's Council, two heads its boards. */
function concurrentPosts(staff: Record<Block, Cadre[]>, unitCode: string): void {
  const holder = (block: Block, id: string) => staff[block].find((c) => c.posts[0]!.positionId === id);
  const concurrently = (c: Cadre | undefined, positionId: string) => {
    if (c)
      c.posts.push({ positionId, unitCode, concurrent: true, since: c.posts[0]!.since, decisionNo: null });
  };
  concurrently(holder('party', 'xa_bi_thu'), 'xa_chu_tich_hdnd');
  concurrently(holder('government', 'xa_truong_phong_kinh_te'), 'xa_truong_ban_hdnd');
  concurrently(holder('government', 'xa_truong_phong_vhxh'), 'xa_truong_ban_hdnd');
}

/**
 * Planning (quy hoạch): people planned for the next post up, at most 3 per
 * post; `next` names it (undefined: none).
 */
function planning(
  ctx: SeedContext,
  people: Cadre[],
  unitCode: string,
  next: (positionId: string) => string | undefined,
): void {
  const planned = new Map<string, number>();
  for (const c of people) {
    const target = next(c.posts[0]!.positionId);
    if (!target || !POSITION_BY_ID.has(target) || !ctx.rng.chance(0.5)) continue;
    if ((planned.get(target) ?? 0) >= 3) continue;
    planned.set(target, (planned.get(target) ?? 0) + 1);
    c.planning.push({ positionId: target, unitCode, term: '2025-2030', addedOn: `${ctx.year - 1}-10-15` });
  }
}

/** In a commune, deputies are planned for their head's post. */
function communeNext(positionId: string): string | undefined {
  const target = positionId.replace('_pho_', '_').replace('xa_pho_bi_thu', 'xa_bi_thu');
  return target === positionId ? undefined : target;
}
