/** Vietnamese names with realistic family-name frequencies, and minority names. */
import type { Random } from './random';

const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 3],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.6],
  ['Đào', 0.5],
  ['Thái', 0.4],
  ['Cao', 0.4],
  ['Chu', 0.3],
];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Trọng', 'Đình'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Minh', 'Kim', 'Phương'];
const MALE_GIVEN = [
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hùng',
  'Huy',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thành',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
  'Hoàng',
  'Lợi',
  'Hiếu',
  'Tùng',
];
const FEMALE_GIVEN = [
  'Anh',
  'Châu',
  'Dung',
  'Giang',
  'Hà',
  'Hằng',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phượng',
  'Quỳnh',
  'Thảo',
  'Thủy',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
  'Hiền',
];

/** Ethnic groups by region, with weights among minorities. */
export const MINORITIES: Record<'north' | 'central' | 'highlands' | 'south', [string, number][]> = {
  north: [
    ['Tày', 25],
    ['Thái', 25],
    ['Mường', 20],
    ['H’Mông', 15],
    ['Nùng', 10],
    ['Dao', 5],
  ],
  central: [
    ['Thái', 45],
    ['Mường', 20],
    ['Khơ Mú', 15],
    ['Thổ', 10],
    ['H’Mông', 10],
  ],
  highlands: [
    ['Ê Đê', 30],
    ['Gia Rai', 30],
    ['Ba Na', 20],
    ['Xơ Đăng', 10],
    ['M’Nông', 10],
  ],
  south: [
    ['Khmer', 70],
    ['Chăm', 15],
    ['Hoa', 15],
  ],
};

const MINORITY_FAMILY: Record<string, string[]> = {
  Tày: ['Hoàng', 'Nông', 'Lương', 'Đàm'],
  Thái: ['Lò', 'Lương', 'Vi', 'Lang', 'Hà', 'Sầm'],
  Mường: ['Bùi', 'Đinh', 'Quách', 'Hà'],
  'H’Mông': ['Vàng', 'Giàng', 'Mùa', 'Sùng', 'Thào'],
  Nùng: ['Nông', 'Chu', 'Mã'],
  Dao: ['Triệu', 'Bàn', 'Đặng'],
  'Khơ Mú': ['Vi', 'Xồng', 'Lô'],
  Thổ: ['Trương', 'Lê'],
  'Ê Đê': ['Y', 'H’'],
  'Gia Rai': ['Ksor', 'Rơ Mah', 'Siu'],
  'Ba Na': ['Đinh', 'A'],
  'Xơ Đăng': ['A', 'Y'],
  'M’Nông': ['Điểu', 'Thị'],
  Khmer: ['Thạch', 'Sơn', 'Kim', 'Danh'],
  Chăm: ['Đạt', 'Thành', 'Lưu'],
  Hoa: ['Lâm', 'Quách', 'Trương'],
};

/** A full name for a person of the given gender and ethnicity. */
export function fullName(rng: Random, gender: 'male' | 'female', ethnicity: string): string {
  const family =
    ethnicity === 'Kinh' ? rng.weighted(FAMILY) : rng.pick(MINORITY_FAMILY[ethnicity] ?? ['Nguyễn']);
  const middle = rng.pick(gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

/** The broad region a province's minorities come from (drives the minority names). */
export function minorityRegion(provinceCode: string): keyof typeof MINORITIES {
  const n = Number(provinceCode);
  if (n <= 37) return 'north';
  if (n <= 51) return 'central';
  if (n <= 68) return 'highlands';
  return 'south';
}
