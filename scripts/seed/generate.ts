/**
 * Generates a realistic, deterministic province for demos and benchmarks:
 * quotas per commune and block near the norms (some over, some short), about
 * 75 people per commune across blocks, an age pyramid from 23 to 60, shares of
 * women and ethnic minorities that depend on post and region, qualifications,
 * hometowns, party membership, current and concurrent posts with some key
 * posts vacant, planning lists, movements in every state, two past quarters of
 * evaluation inputs, and citizen ratings. Pure: the same inputs give the same
 * documents, and every document is validated against its schema.
 */
import { addDays } from '../../functions/src/domain/dates';
import { communeNorm, DEFAULT_NORMS, type StaffingNorms } from '../../functions/src/domain/norms';
import { POSITION_BY_ID, POSITIONS } from '../../functions/src/domain/positions';
import {
  Block,
  Cadre,
  CadrePrivate,
  Evaluation,
  Movement,
  Quota,
  Rating,
  Unit,
  quotaId,
  type Block as BlockT,
  type EducationLevel,
  type PoliticalTheory,
  type Position,
  type Region,
} from '@canbo/model';
import { fullName, MINORITIES, minorityRegion } from './names';
import { Random } from './random';

export interface GenerateOptions {
  provinceCode: string;
  /** Multiplies the number of people per unit (1 = realistic). */
  scale: number;
  seed: number;
  /** The day the data describes (YYYY-MM-DD): ages, dates and "ending soon" are relative to it. */
  asOf: string;
  norms?: StaffingNorms;
}

/** Every document of the demo province, by collection. */
export interface GeneratedProvince {
  positions: Position[];
  agencies: Unit[];
  quotas: (Quota & { id: string })[];
  cadres: Cadre[];
  privates: Map<string, CadrePrivate>;
  movements: Movement[];
  evaluations: Evaluation[];
  ratings: Rating[];
}

function yearsBefore(date: string, years: number, rng: Random): string {
  const d = new Date(Date.parse(date));
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return addDays(d.toISOString().slice(0, 10), -rng.int(0, 364));
}

/** The posts a commune's staff hold, per block, in the order they are filled. */
function communeTemplate(rng: Random): Record<BlockT, string[]> {
  const viceChairs = rng.chance(0.5) ? 3 : 2; // province-wide average 2.5 (NĐ 300/2025)
  return {
    party: [
      'xa_bi_thu',
      'xa_pho_bi_thu',
      'xa_chu_nhiem_ubkt',
      'xa_chanh_vp_dang_uy',
      'xa_truong_ban_xdd',
      'xa_pho_truong_ban_xdd',
      'xa_chu_tich_mttq',
      'xa_pho_chu_tich_mttq',
      ...Array<string>(5).fill('xa_chuyen_vien_dang'),
      ...Array<string>(3).fill('xa_can_bo_doan_the'),
    ],
    government: [
      'xa_chu_tich_ubnd',
      ...Array<string>(viceChairs).fill('xa_pho_chu_tich_ubnd'),
      'xa_pho_chu_tich_hdnd',
      'xa_chanh_van_phong',
      'xa_pho_chanh_van_phong',
      'xa_truong_phong_kinh_te',
      'xa_pho_truong_phong_kinh_te',
      'xa_truong_phong_vhxh',
      'xa_pho_truong_phong_vhxh',
      'xa_giam_doc_ttpvhcc',
      'xa_pho_giam_doc_ttpvhcc',
      'xa_pho_truong_ban_hdnd',
      'xa_cong_chuc_noi_vu',
      'xa_ke_toan',
      'xa_ke_toan',
      'xa_thu_quy',
      'xa_tu_phap_ho_tich',
      'xa_tu_phap_ho_tich',
      'xa_dia_chinh_xay_dung',
      'xa_dia_chinh_xay_dung',
      'xa_nong_nghiep_moi_truong',
      'xa_nong_nghiep_moi_truong',
      'xa_van_hoa_xa_hoi',
      'xa_lao_dong_xa_hoi',
      'xa_lao_dong_xa_hoi',
      'xa_van_thu',
      'xa_tiep_nhan_tthc',
      'xa_tiep_nhan_tthc',
      'xa_tiep_nhan_tthc',
      'xa_cong_nghe_thong_tin',
    ],
    military: ['xa_chi_huy_truong_qs', 'xa_pho_chi_huy_truong_qs', 'xa_tro_ly_qs'],
    public_service: Array<string>(24).fill('xa_vien_chuc'),
  };
}

/** Extra people beyond the template hold the block's generic post. */
const GENERIC_POST: Record<BlockT, string> = {
  party: 'xa_chuyen_vien_dang',
  government: 'xa_van_hoa_xa_hoi',
  military: 'xa_tro_ly_qs',
  public_service: 'xa_vien_chuc',
};

/** Province agencies and the posts their people hold. */
function provinceAgencies(
  p: string,
): { code: string; name: string; block: BlockT; posts: [string, number][] }[] {
  return [
    {
      code: `${p}-tinh-uy`,
      name: 'Văn phòng và các ban Tỉnh ủy',
      block: 'party',
      posts: [
        ['tinh_bi_thu', 1],
        ['tinh_truong_ban_to_chuc', 1],
        ['tinh_chu_nhiem_ubkt', 1],
        ['tinh_chuyen_vien_dang', 40],
      ],
    },
    {
      code: `${p}-ubnd`,
      name: 'Văn phòng UBND tỉnh',
      block: 'government',
      posts: [
        ['tinh_chu_tich_ubnd', 1],
        ['tinh_pho_chu_tich_ubnd', 4],
        ['tinh_truong_phong_so', 4],
        ['tinh_chuyen_vien', 40],
      ],
    },
    {
      code: `${p}-snv`,
      name: 'Sở Nội vụ',
      block: 'government',
      posts: [
        ['tinh_giam_doc_so_noi_vu', 1],
        ['tinh_pho_giam_doc_so', 3],
        ['tinh_truong_phong_so', 6],
        ['tinh_chuyen_vien', 45],
      ],
    },
    {
      code: `${p}-thanh-tra`,
      name: 'Thanh tra tỉnh',
      block: 'government',
      posts: [
        ['tinh_chanh_thanh_tra', 1],
        ['tinh_pho_giam_doc_so', 2],
        ['tinh_chuyen_vien', 25],
      ],
    },
  ];
}

const MAJORS: Record<string, string[]> = {
  party: ['Xây dựng Đảng và chính quyền', 'Chính trị học', 'Luật', 'Quản lý nhà nước'],
  government: [
    'Luật',
    'Kinh tế',
    'Quản lý đất đai',
    'Kế toán',
    'Hành chính học',
    'Xây dựng',
    'Công nghệ thông tin',
    'Nông nghiệp',
  ],
  military: ['Chỉ huy tham mưu', 'Quân sự cơ sở'],
  public_service: ['Sư phạm', 'Y đa khoa', 'Điều dưỡng', 'Văn hóa', 'Nông nghiệp'],
};

const PROCEDURES = [
  'Đăng ký khai sinh',
  'Chứng thực bản sao từ bản chính',
  'Đăng ký kết hôn',
  'Xác nhận tình trạng hôn nhân',
  'Đăng ký thường trú',
  'Cấp giấy chứng nhận quyền sử dụng đất',
  'Đăng ký khai tử',
  'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  'Trợ cấp xã hội hằng tháng',
];

/** Shares of people that differ by post and region (sources: published staff statistics; demo values). */
function femaleShare(block: BlockT, position: Position): number {
  if (block === 'military') return 0.03;
  if (position.keyPost) return 0.12;
  if (position.leadership) return 0.25;
  return block === 'public_service' ? 0.62 : 0.48;
}

function minorityShare(region: Region | null): number {
  switch (region) {
    case 'mountain':
      return 0.5;
    case 'midland':
      return 0.1;
    case 'island':
      return 0.01;
    default:
      return 0.03;
  }
}

function education(rng: Random, position: Position): EducationLevel {
  if (position.level === 'province' && position.leadership) {
    return rng.weighted([
      ['bachelor', 40],
      ['master', 50],
      ['doctor', 10],
    ] as const);
  }
  if (position.leadership)
    return rng.weighted([
      ['bachelor', 80],
      ['master', 19],
      ['doctor', 1],
    ] as const);
  if (position.block === 'military')
    return rng.weighted([
      ['secondary', 40],
      ['college', 30],
      ['bachelor', 30],
    ] as const);
  return rng.weighted([
    ['secondary', 4],
    ['college', 10],
    ['bachelor', 78],
    ['master', 8],
  ] as const);
}

function politicalTheory(rng: Random, position: Position): PoliticalTheory {
  if (position.level === 'province' && position.keyPost) return 'advanced';
  if (position.keyPost)
    return rng.weighted([
      ['intermediate', 55],
      ['advanced', 45],
    ] as const);
  if (position.leadership)
    return rng.weighted([
      ['elementary', 10],
      ['intermediate', 80],
      ['advanced', 10],
    ] as const);
  return rng.weighted([
    ['none', 40],
    ['elementary', 45],
    ['intermediate', 15],
  ] as const);
}

function ageFor(rng: Random, position: Position): number {
  if (position.keyPost) return Math.round(rng.normal(49, 5, 35, 59));
  if (position.leadership) return Math.round(rng.normal(44, 6, 30, 59));
  return Math.round(rng.normal(36, 8, 23, 60));
}

function nationalId(rng: Random, provinceCode: string, gender: 'male' | 'female', birthDate: string): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryGender = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  const serial = String(rng.int(0, 999_999)).padStart(6, '0');
  return `0${provinceCode}${centuryGender}${birthDate.slice(2, 4)}${serial}`;
}

/** Generates the demo province. `units` are the official units (all provinces). */
export function generateProvince(units: Unit[], options: GenerateOptions): GeneratedProvince {
  const norms = options.norms ?? DEFAULT_NORMS;
  const p = options.provinceCode;
  const province = units.find((u) => u.code === p && u.level === 'province');
  if (!province) throw new Error(`Unknown province code ${p}`);
  const communes = units.filter((u) => u.level === 'commune' && u.provinceCode === p);
  const otherProvinces = units.filter((u) => u.level === 'province' && u.code !== p).map((u) => u.code);
  const rng = new Random(`${options.seed}:${p}`);
  const year = Number(options.asOf.slice(0, 4));
  const now = `${options.asOf}T08:00:00.000Z`;
  const scaled = (n: number) => Math.max(1, Math.round(n * options.scale));

  const cadres: Cadre[] = [];
  const privates = new Map<string, CadrePrivate>();
  const quotas: (Quota & { id: string })[] = [];
  const region = new Map(communes.map((c) => [c.code, c.region]));
  const agencies: Unit[] = provinceAgencies(p).map((a) => ({
    code: a.code,
    name: a.name,
    type: 'agency',
    level: 'agency',
    provinceCode: p,
    parentCode: p,
    region: null,
    population: null,
    estimated: false,
    validFrom: '2025-07-01',
    validTo: null,
    predecessors: [],
    legalBasis: null,
  }));

  /** Creates one person holding `positionId` in `unitCode`. */
  const person = (
    unitCode: string,
    communeCode: string | null,
    block: BlockT,
    positionId: string,
    seq: number,
  ): Cadre => {
    const position = POSITION_BY_ID.get(positionId)!;
    const gender = rng.chance(femaleShare(block, position)) ? 'female' : 'male';
    const unitRegion = communeCode ? (region.get(communeCode) ?? null) : null;
    const minority = rng.chance(minorityShare(unitRegion));
    const ethnicity = minority ? rng.weighted(MINORITIES[minorityRegion(p)]) : 'Kinh';
    const age = ageFor(rng, position);
    const birthDate = yearsBefore(options.asOf, age, rng);
    const localShare = position.nonLocalRequired ? 0.35 : position.keyPost ? 0.7 : 0.9;
    const local = rng.chance(localShare);
    const hometownProvince = local ? p : rng.pick(otherProvinces);
    const hometownCommune = local ? (communeCode ?? rng.pick(communes).code) : null;
    const startAge = rng.int(22, 26);
    const startedWorkOn = yearsBefore(options.asOf, Math.max(0, age - startAge), rng);
    const partyMember =
      position.standards.partyMemberRequired ||
      rng.chance(block === 'military' ? 0.9 : block === 'public_service' ? 0.4 : 0.65);
    const edu = education(rng, position);
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
          ? `${hometownCommune ? (units.find((u) => u.code === hometownCommune)?.name ?? '') + ', ' : ''}${province.name}`
          : (units.find((u) => u.code === hometownProvince)?.name ?? ''),
      },
      category:
        block === 'military'
          ? 'military'
          : block === 'public_service'
            ? 'public_employee'
            : position.leadership && (position.keyPost || positionId.includes('chu_tich'))
              ? 'cadre'
              : 'civil_servant',
      block,
      education: { level: edu, major: rng.pick(MAJORS[block]!) },
      politicalTheory: politicalTheory(rng, position),
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
          decisionNo: position.leadership ? `${rng.int(10, 999)}/QĐ-UBND` : null,
        },
      ],
      planning: [],
      status: 'active',
      updatedAt: now,
    };
    if (cadre.partyJoinDate && cadre.partyJoinDate > options.asOf)
      cadre.partyJoinDate = addDays(options.asOf, -30);
    if (cadre.posts[0]!.since < startedWorkOn) cadre.posts[0]!.since = startedWorkOn;
    const youngWoman = gender === 'female' && age >= 24 && age <= 40;
    privates.set(id, {
      nationalId: nationalId(rng, hometownProvince, gender, birthDate),
      phone: `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      family: [
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
      ],
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
      updatedAt: now,
    });
    return cadre;
  };

  // Communes: a quota per block near the norm, and about as many people.
  for (const commune of communes) {
    const template = communeTemplate(rng);
    let seq = 0;
    const staff: Record<string, Cadre[]> = {};
    for (const block of Block.options) {
      const norm = scaled(communeNorm(norms, block));
      const allocated = Math.max(1, norm + rng.int(-2, 3));
      // Some communes over their quota (mergers kept everyone), some short.
      const headcount = Math.max(
        1,
        allocated +
          rng.weighted([
            [-4, 1],
            [-2, 3],
            [-1, 4],
            [0, 4],
            [1, 3],
            [3, 2],
          ] as const),
      );
      const posts = template[block].slice(0, scaled(template[block].length));
      while (posts.length < headcount) posts.push(GENERIC_POST[block]);
      const people: Cadre[] = [];
      for (const positionId of posts.slice(0, headcount)) {
        const position = POSITION_BY_ID.get(positionId)!;
        if (position.keyPost && rng.chance(0.04)) continue; // a vacant key post
        people.push(person(commune.code, commune.code, block, positionId, ++seq));
      }
      staff[block] = people;
      cadres.push(...people);
      quotas.push({
        id: quotaId(commune.code, block, year),
        unitCode: commune.code,
        provinceCode: p,
        communeCode: commune.code,
        block,
        year,
        allocated,
        status: rng.chance(0.7) ? 'final' : 'temporary',
        decision: rng.chance(0.7)
          ? {
              number: `${rng.int(100, 3000)}/QĐ-UBND`,
              date: `${year}-01-${String(rng.int(5, 28)).padStart(2, '0')}`,
            }
          : null,
        filled: 0,
        reservedForReturn: 0,
        incoming: 0,
        updatedAt: now,
      });
    }
    // Concurrent posts (kiêm nhiệm): the Party secretary chairs the People's Council.
    const byPost = (block: string, id: string) => staff[block]?.find((c) => c.posts[0]!.positionId === id);
    const secretary = byPost('party', 'xa_bi_thu');
    if (secretary)
      secretary.posts.push({
        positionId: 'xa_chu_tich_hdnd',
        unitCode: commune.code,
        concurrent: true,
        since: secretary.posts[0]!.since,
        decisionNo: null,
      });
    const heads = [
      byPost('government', 'xa_truong_phong_kinh_te'),
      byPost('government', 'xa_truong_phong_vhxh'),
    ];
    for (const head of heads) {
      if (head)
        head.posts.push({
          positionId: 'xa_truong_ban_hdnd',
          unitCode: commune.code,
          concurrent: true,
          since: head.posts[0]!.since,
          decisionNo: null,
        });
    }
    // Planning (quy hoạch): deputies for the head's post, at most 3 people per post.
    const planned = new Map<string, number>();
    for (const c of [...(staff.government ?? []), ...(staff.party ?? [])]) {
      const id = c.posts[0]!.positionId;
      const target = id.replace('_pho_', '_').replace('xa_pho_bi_thu', 'xa_bi_thu');
      if (target === id || !POSITION_BY_ID.has(target) || !rng.chance(0.5)) continue;
      if ((planned.get(target) ?? 0) >= 3) continue;
      planned.set(target, (planned.get(target) ?? 0) + 1);
      c.planning.push({
        positionId: target,
        unitCode: commune.code,
        term: '2025-2030',
        addedOn: `${year - 1}-10-15`,
      });
    }
  }

  // Province agencies.
  for (const agency of provinceAgencies(p)) {
    let seq = 0;
    let headcount = 0;
    for (const [positionId, count] of agency.posts) {
      const n = POSITION_BY_ID.get(positionId)!.holdersPerUnit === 1 ? 1 : scaled(count);
      for (let i = 0; i < n; i++) {
        cadres.push(person(agency.code, null, agency.block, positionId, ++seq));
        headcount++;
      }
    }
    quotas.push({
      id: quotaId(agency.code, agency.block, year),
      unitCode: agency.code,
      provinceCode: p,
      communeCode: null,
      block: agency.block,
      year,
      allocated: headcount + rng.int(0, 4),
      status: 'final',
      decision: { number: `${rng.int(100, 3000)}/QĐ-UBND`, date: `${year}-01-10` },
      filled: 0,
      reservedForReturn: 0,
      incoming: 0,
      updatedAt: now,
    });
  }

  const movements = generateMovements(rng, cadres, communes, options, now);
  const evaluations = generateEvaluations(rng, cadres, privates, options, now);
  const ratings = generateRatings(rng, cadres, communes, options, scaled);

  // Quota counts follow the people and movements (the invariant the callables keep).
  const quotaById = new Map(quotas.map((q) => [q.id, q]));
  for (const c of cadres) {
    const q = quotaById.get(quotaId(c.homeUnitCode, c.block, year));
    if (!q) continue;
    if (c.status === 'seconded_out') q.reservedForReturn++;
    else if (c.status === 'active') q.filled++;
  }
  for (const m of movements) {
    if (m.status !== 'approved' || m.type === 'secondment' || m.type === 'concurrent') continue;
    const q = quotaById.get(quotaId(m.toUnitCode, m.block, year));
    if (q) q.incoming++;
  }

  return {
    positions: POSITIONS,
    agencies: agencies.map((a) => Unit.parse(a)),
    quotas: quotas.map((q) => ({ ...Quota.parse(q), id: q.id })),
    cadres: cadres.map((c) => Cadre.parse(c)),
    privates: new Map([...privates].map(([id, v]) => [id, CadrePrivate.parse(v)])),
    movements: movements.map((m) => Movement.parse(m)),
    evaluations: evaluations.map((e) => Evaluation.parse(e)),
    ratings: ratings.map((r) => Rating.parse(r)),
  };
}

function check(code: string, basis: string, message: string, outcome: 'pass' | 'warn' = 'pass') {
  return { code, outcome, overridable: outcome === 'warn', basis, message };
}

/** A few hundred movements in every state. */
function generateMovements(
  rng: Random,
  cadres: Cadre[],
  communes: Unit[],
  options: GenerateOptions,
  now: string,
): Movement[] {
  const movements: Movement[] = [];
  const communeStaff = cadres.filter(
    (c) =>
      c.communeCode !== null &&
      c.block === 'government' &&
      !POSITION_BY_ID.get(c.posts[0]!.positionId)!.keyPost,
  );
  const provinceStaff = cadres.filter(
    (c) => c.communeCode === null && !POSITION_BY_ID.get(c.posts[0]!.positionId)!.keyPost,
  );
  const used = new Set<string>();
  const take = (pool: Cadre[]) => {
    for (let i = 0; i < 50; i++) {
      const c = rng.pick(pool);
      if (!used.has(c.id)) {
        used.add(c.id);
        return c;
      }
    }
    return undefined;
  };
  const total = Math.max(12, Math.round(communes.length * 2.3 * Math.min(1, options.scale * 2)));
  const plan: [Movement['type'], Movement['status'], number][] = [
    ['secondment', 'active', 0.22],
    ['rotation', 'active', 0.1],
    ['secondment', 'completed', 0.1],
    ['transfer', 'completed', 0.12],
    ['appointment', 'completed', 0.08],
    ['transfer', 'proposed', 0.08],
    ['secondment', 'approved', 0.06],
    ['appointment', 'draft', 0.06],
    ['transfer', 'rejected', 0.05],
    ['secondment', 'cancelled', 0.04],
    ['concurrent', 'active', 0.04],
    ['termination', 'completed', 0.05],
  ];
  let seq = 0;
  for (const [type, status, share] of plan) {
    const count = Math.max(1, Math.round(total * share));
    for (let i = 0; i < count; i++) {
      const fromProvince = type === 'rotation';
      const c = take(fromProvince ? provinceStaff : communeStaff);
      if (!c) break;
      const destination = rng.pick(communes);
      const toUnitCode = type === 'termination' || type === 'concurrent' ? c.homeUnitCode : destination.code;
      const past = status === 'completed' || status === 'rejected' || status === 'cancelled';
      let startDate: string;
      let plannedEndDate: string | null = null;
      let actualEndDate: string | null = null;
      if (type === 'secondment' && status === 'active') {
        // About a third end within 60 days: the reminders have something to show.
        const endsIn = i % 3 === 0 ? rng.int(5, 60) : rng.int(61, 700);
        plannedEndDate = addDays(options.asOf, endsIn);
        startDate = addDays(plannedEndDate, -rng.int(365, 1095));
        if (startDate > options.asOf) startDate = addDays(options.asOf, -30);
      } else if (type === 'rotation') {
        startDate = addDays(options.asOf, -rng.int(30, 700));
        plannedEndDate = addDays(startDate, 36 * 30 + 10);
      } else if (past) {
        startDate = addDays(options.asOf, -rng.int(120, 900));
        if (type === 'secondment') {
          plannedEndDate = addDays(startDate, rng.int(180, 720));
          actualEndDate = status === 'completed' ? plannedEndDate : null;
        }
      } else {
        startDate = addDays(options.asOf, rng.int(10, 90));
        if (type === 'secondment') plannedEndDate = addDays(startDate, rng.int(180, 1000));
      }
      const position = POSITION_BY_ID.get(c.posts[0]!.positionId)!;
      const toPositionId =
        type === 'rotation'
          ? 'xa_pho_chu_tich_ubnd'
          : type === 'appointment'
            ? (c.planning[0]?.positionId ?? position.id)
            : type === 'concurrent'
              ? 'xa_truong_ban_hdnd'
              : type === 'termination'
                ? null
                : position.id.startsWith('xa_')
                  ? position.id
                  : 'xa_van_hoa_xa_hoi';
      if (status === 'active' && (type === 'secondment' || type === 'rotation')) {
        c.status = 'seconded_out';
        c.currentUnitCode = toUnitCode;
        c.communeCode = destination.code;
      }
      if (type === 'termination' && status === 'completed') c.status = 'retired';
      if ((type === 'transfer' || type === 'appointment') && status === 'completed' && type === 'transfer') {
        c.homeUnitCode = toUnitCode;
        c.homeCommuneCode = destination.code;
        c.currentUnitCode = toUnitCode;
        c.communeCode = destination.code;
        c.posts[0] = { ...c.posts[0]!, unitCode: toUnitCode, since: startDate };
      }
      const communeCodes = [...new Set([c.posts[0]!.unitCode, toUnitCode].filter((u) => /^\d{5}$/.test(u)))];
      const history: Movement['history'] = [
        { status: 'draft', at: `${addDays(startDate, -40)}T02:00:00.000Z`, by: 'seed', note: 'Lập đề xuất' },
      ];
      if (status !== 'draft')
        history.push({
          status: 'proposed',
          at: `${addDays(startDate, -30)}T02:00:00.000Z`,
          by: 'seed',
          note: 'Trình Ban Tổ chức',
        });
      if (['approved', 'active', 'completed'].includes(status))
        history.push({
          status: 'approved',
          at: `${addDays(startDate, -15)}T02:00:00.000Z`,
          by: 'seed',
          note: 'Phê duyệt',
        });
      if (['active', 'completed'].includes(status))
        history.push({ status: 'active', at: `${startDate}T02:00:00.000Z`, by: 'seed', note: 'Bắt đầu' });
      if (status === 'completed' || status === 'rejected' || status === 'cancelled') {
        history.push({
          status,
          at: `${actualEndDate ?? addDays(startDate, 1)}T02:00:00.000Z`,
          by: 'seed',
          note: status === 'completed' ? 'Hoàn thành' : 'Kết thúc',
        });
      }
      movements.push({
        id: `mv-${options.provinceCode}-${String(++seq).padStart(5, '0')}`,
        type,
        status,
        cadreId: c.id,
        cadreName: c.fullName,
        provinceCode: options.provinceCode,
        block: c.block,
        fromUnitCode: c.homeUnitCode,
        fromPositionId: position.id,
        toUnitCode,
        toPositionId,
        communeCodes,
        startDate,
        plannedEndDate,
        actualEndDate,
        decision: ['approved', 'active', 'completed'].includes(status)
          ? { number: `${rng.int(100, 4000)}/QĐ-UBND`, date: addDays(startDate, -15) }
          : null,
        reason:
          type === 'rotation'
            ? 'Tăng cường cán bộ cho cấp xã'
            : type === 'secondment'
              ? 'Hỗ trợ nhiệm vụ có thời hạn'
              : type === 'termination'
                ? 'Nghỉ hưu theo chế độ'
                : 'Theo yêu cầu nhiệm vụ',
        checks: [
          check('quota', 'Nghị định 170/2025/NĐ-CP; biên chế được giao', 'Còn biên chế tại đơn vị nhận'),
          check(
            'prohibited_situations',
            'Nghị định 170/2025/NĐ-CP, Điều 25–26',
            'Không thuộc trường hợp không được điều động, biệt phái',
          ),
        ],
        overrides: [],
        history,
        createdBy: 'seed',
        createdAt: history[0]!.at,
        updatedAt: now,
      });
    }
  }
  return movements;
}

/** Evaluation inputs for the two quarters before `asOf`. */
function generateEvaluations(
  rng: Random,
  cadres: Cadre[],
  privates: Map<string, CadrePrivate>,
  options: GenerateOptions,
  now: string,
): Evaluation[] {
  const d = new Date(options.asOf);
  let quarter = Math.floor(d.getUTCMonth() / 3) + 1;
  let year = d.getUTCFullYear();
  const periods: string[] = [];
  for (let i = 0; i < 2; i++) {
    quarter--;
    if (quarter === 0) {
      quarter = 4;
      year--;
    }
    periods.push(`${year}-Q${quarter}`);
  }
  const out: Evaluation[] = [];
  for (const period of periods) {
    for (const c of cadres) {
      if (c.status === 'retired' || c.status === 'left') continue;
      const position = POSITION_BY_ID.get(c.posts[0]!.positionId)!;
      const strong = rng.chance(0.2);
      const pct = () => Math.round(rng.normal(strong ? 96 : 85, strong ? 3 : 9, 30, 100));
      out.push({
        id: `${period}_${c.id}`,
        period,
        cadreId: c.id,
        provinceCode: c.provinceCode,
        communeCode: c.communeCode,
        unitCode: c.currentUnitCode,
        inputs: {
          general: Math.round(rng.normal(strong ? 28 : 25, 2, 10, 30)),
          tasks: { quantity: pct(), quality: pct(), progress: pct() },
          leader: position.leadership
            ? { unitResult: rng.chance(0.9) ? 100 : 50, organisation: pct() }
            : null,
          disciplined: (privates.get(c.id)?.discipline.length ?? 0) > 0 && rng.chance(0.3),
          selfAssessment: 'Hoàn thành các nhiệm vụ được giao trong quý.',
        },
        subScores: null,
        satisfaction: null,
        total: null,
        level: null,
        override: null,
        reviewedBy: null,
        status: 'input',
        jobRunId: null,
        updatedAt: now,
      });
    }
  }
  return out;
}

/** Citizen ratings of the one-stop desks over the last six months. */
function generateRatings(
  rng: Random,
  cadres: Cadre[],
  communes: Unit[],
  options: GenerateOptions,
  scaled: (n: number) => number,
): Rating[] {
  const desks = new Map<string, Cadre[]>();
  for (const c of cadres) {
    if (c.communeCode && ['xa_tiep_nhan_tthc', 'xa_giam_doc_ttpvhcc'].includes(c.posts[0]!.positionId)) {
      desks.set(c.communeCode, [...(desks.get(c.communeCode) ?? []), c]);
    }
  }
  const out: Rating[] = [];
  for (const commune of communes) {
    const n = scaled(rng.int(25, 55));
    for (let i = 0; i < n; i++) {
      const receivedOn = addDays(options.asOf, -rng.int(1, 180));
      const base = rng.weighted([
        [5, 45],
        [4, 35],
        [3, 12],
        [2, 5],
        [1, 3],
      ] as const);
      const near = () =>
        Math.min(
          5,
          Math.max(
            1,
            base +
              rng.weighted([
                [0, 6],
                [-1, 2],
                [1, 1],
              ] as const),
          ),
        );
      const staff = desks.get(commune.code);
      out.push({
        id: `${commune.code}-${receivedOn.replace(/-/g, '')}-${String(i + 1).padStart(4, '0')}`,
        provinceCode: options.provinceCode,
        communeCode: commune.code,
        unitCode: commune.code,
        cadreId: staff ? rng.pick(staff).id : null,
        procedure: rng.pick(PROCEDURES),
        receivedOn,
        criteria: { overall: base, attitude: near(), timeliness: near(), guidance: near() },
        trips: rng.weighted([
          [0, 70],
          [1, 22],
          [2, 8],
        ] as const),
        comment: base <= 2 ? 'Phải đi lại nhiều lần.' : null,
        submittedAt: `${addDays(receivedOn, rng.int(0, 5))}T03:00:00.000Z`,
      });
    }
  }
  return out;
}

/** Estimated region and population of a commune (the official list has neither). */
export function estimateCommune(commune: {
  code: string;
  type: string;
  provinceCode: string;
}): Pick<Unit, 'region' | 'population'> {
  const rng = new Random(`estimate:${commune.code}`);
  // Provinces not listed are delta or coastal plains.
  const mountainShare = MOUNTAIN_SHARE[commune.provinceCode] ?? 0.02;
  let region: Region;
  if (commune.type === 'dac_khu') region = 'island';
  else if (commune.type === 'phuong') region = rng.chance(0.8) ? 'lowland' : 'midland';
  else if (rng.chance(mountainShare)) region = 'mountain';
  else region = rng.chance(0.3) ? 'midland' : 'lowland';
  const mean =
    commune.type === 'phuong'
      ? 45_000
      : region === 'mountain'
        ? 14_000
        : region === 'island'
          ? 8_000
          : 28_000;
  return { region, population: Math.round(rng.normal(mean, mean * 0.3, 1_500, 200_000)) };
}

/** Rough share of mountainous communes per province (demo estimate, not official). */
const MOUNTAIN_SHARE: Record<string, number> = {
  '04': 0.95,
  '08': 0.8,
  '11': 0.95,
  '12': 0.95,
  '14': 0.9,
  '15': 0.85,
  '19': 0.5,
  '20': 0.9,
  '22': 0.3,
  '25': 0.5,
  '38': 0.4,
  '40': 0.45,
  '42': 0.3,
  '44': 0.4,
  '46': 0.35,
  '48': 0.25,
  '51': 0.5,
  '52': 0.75,
  '56': 0.35,
  '66': 0.7,
  '68': 0.75,
};
