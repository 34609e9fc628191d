/**
 * The seed's data tables: what a demo province looks like beyond the
 * catalogue (data/catalogue). Shares and weights are demo values shaped on
 * published staff statistics, not official figures.
 */
import type {
  Block,
  EducationLevel,
  MovementStatus,
  MovementType,
  PoliticalTheory,
  Region,
} from '@canbo/model';

/** A province agency and the posts its people hold (count per post at scale 1). */
export interface AgencyTable {
  suffix: string;
  name: string;
  block: Block;
  posts: [positionId: string, count: number][];
}

/** Province agencies; their codes are `<province>-<suffix>`. */
export const PROVINCE_AGENCIES: AgencyTable[] = [
  {
    suffix: 'tinh-uy',
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
    suffix: 'ubnd',
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
    suffix: 'snv',
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
    suffix: 'thanh-tra',
    name: 'Thanh tra tỉnh',
    block: 'government',
    posts: [
      ['tinh_chanh_thanh_tra', 1],
      ['tinh_pho_giam_doc_so', 2],
      ['tinh_chuyen_vien', 25],
    ],
  },
];

/** The post a province agency's staff are planned for (quy hoạch), by their post. */
export const PROVINCE_PLANNING: Record<string, string> = {
  tinh_chuyen_vien: 'tinh_truong_phong_so',
  tinh_truong_phong_so: 'tinh_pho_giam_doc_so',
  tinh_pho_chu_tich_ubnd: 'tinh_chu_tich_ubnd',
};

/** Majors (chuyên ngành) by block. */
export const MAJORS: Record<Block, string[]> = {
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

/** How far a block's quota is from the norm: allocated = norm + a draw in this range. */
export const ALLOCATION_SPREAD = { min: -2, max: 3 } as const;

/** People in post minus the quota: some communes over (mergers kept everyone), some short. */
export const HEADCOUNT_SPREAD: readonly (readonly [number, number])[] = [
  [-4, 1],
  [-2, 3],
  [-1, 4],
  [0, 4],
  [1, 3],
  [3, 2],
];

/** Share of key posts left vacant. */
export const VACANT_KEY_POST = 0.04;

/** Extra posts above the agency's headcount in its quota: a draw in [0, this]. */
export const AGENCY_SPARE_POSTS = 4;

/** Weighted education levels by kind of post. */
export const EDUCATION: Record<
  'provinceLeader' | 'leader' | 'military' | 'staff',
  readonly (readonly [EducationLevel, number])[]
> = {
  provinceLeader: [
    ['bachelor', 40],
    ['master', 50],
    ['doctor', 10],
  ],
  leader: [
    ['bachelor', 80],
    ['master', 19],
    ['doctor', 1],
  ],
  military: [
    ['secondary', 40],
    ['college', 30],
    ['bachelor', 30],
  ],
  staff: [
    ['secondary', 4],
    ['college', 10],
    ['bachelor', 78],
    ['master', 8],
  ],
};

/** Weighted political theory levels (lý luận chính trị) by kind of post. */
export const POLITICAL_THEORY: Record<
  'keyPost' | 'leader' | 'staff',
  readonly (readonly [PoliticalTheory, number])[]
> = {
  keyPost: [
    ['intermediate', 55],
    ['advanced', 45],
  ],
  leader: [
    ['elementary', 10],
    ['intermediate', 80],
    ['advanced', 10],
  ],
  staff: [
    ['none', 40],
    ['elementary', 45],
    ['intermediate', 15],
  ],
};

/** Share of ethnic minorities among staff by the commune's region. */
export function minorityShare(region: Region | null): number {
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

/**
 * The movements of the demo province: type, the status it reaches, and its
 * share of the total. Each is replayed through the lifecycle (propose, then
 * the transitions to its status), so its quota and person effects are the
 * system's own.
 */
export const MOVEMENT_PLAN: readonly (readonly [MovementType, MovementStatus, number])[] = [
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

/** The reason written on a movement, by type. */
export const MOVEMENT_REASON: Record<MovementType, string> = {
  transfer: 'Theo yêu cầu nhiệm vụ',
  rotation: 'Tăng cường cán bộ cho cấp xã',
  secondment: 'Hỗ trợ nhiệm vụ có thời hạn',
  appointment: 'Theo yêu cầu nhiệm vụ',
  concurrent: 'Theo yêu cầu nhiệm vụ',
  termination: 'Nghỉ hưu theo chế độ',
};

/** Rough share of mountainous communes per province (demo estimate, not official). */
export const MOUNTAIN_SHARE: Record<string, number> = {
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
