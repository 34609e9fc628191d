/**
 * The web client's formatting and language helpers (hosting/src/lib): dates
 * as dd/mm/yyyy, numbers grouped as each language writes them, the language
 * choice read back from storage, and errors turned into bilingual texts with
 * their checks and fields.
 */
import {
  ageOn,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  todayInVietnam,
} from '../../../hosting/src/lib/format';
import { pickLang, storedLang } from '../../../hosting/src/lib/lang';
import { fieldErrorMap, splitOneLine, toAppError } from '../../../hosting/src/lib/errors';
import { homePath, parseClaims } from '../../../hosting/src/lib/claims';
import { compareCells } from '../../../hosting/src/lib/cells';
import { xlsxFileName } from '../../../hosting/src/lib/xlsx';
import { matchesPath } from '../../../hosting/src/lib/paths';

describe('dates and numbers', () => {
  test('dates are dd/mm/yyyy, without a time-zone shift for calendar dates', () => {
    expect(formatDate('2026-12-01')).toBe('01/12/2026');
    expect(formatDate('2027-01-31T23:30:00.000Z')).toBe('31/01/2027');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });

  test('instants are shown in Vietnam time (UTC+7)', () => {
    expect(formatDateTime('2026-12-01T18:05:00.000Z')).toBe('02/12/2026 01:05');
    expect(formatDateTime(undefined)).toBe('—');
  });

  test('numbers: a dot groups thousands in Vietnamese, a comma in English', () => {
    expect(formatNumber(12345, 'vi')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(formatNumber(-1000, 'en')).toBe('-1,000');
    expect(formatNumber(999, 'vi')).toBe('999');
    expect(formatNumber(null, 'vi')).toBe('—');
  });

  test('percentages with one decimal, and a dash without a total', () => {
    expect(formatPercent(1, 8, 'vi')).toBe('12,5%');
    expect(formatPercent(1, 3, 'en')).toBe('33.3%');
    expect(formatPercent(3, 0, 'en')).toBe('—');
  });

  test('age in whole years, the birthday counted on the day', () => {
    expect(ageOn('1980-12-01', '2026-12-01')).toBe(46);
    expect(ageOn('1980-12-02', '2026-12-01')).toBe(45);
    expect(ageOn('1980-02-29', '2027-03-01')).toBe(47);
  });

  test('today in Vietnam turns at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-12-01T16:59:00Z'))).toBe('2026-12-01');
    expect(todayInVietnam(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
  });
});

describe('language', () => {
  test('Vietnamese unless English was chosen', () => {
    expect(storedLang(null)).toBe('vi');
    expect(storedLang('en')).toBe('en');
    expect(storedLang('fr')).toBe('vi');
  });

  test('one language of a bilingual text; an empty English falls back to Vietnamese', () => {
    expect(pickLang({ vi: 'Xã', en: 'Commune' }, 'vi')).toBe('Xã');
    expect(pickLang({ vi: 'Xã', en: 'Commune' }, 'en')).toBe('Commune');
    expect(pickLang({ vi: 'Xã', en: '' }, 'en')).toBe('Xã');
  });
});

describe('errors', () => {
  test("a callable's refusal keeps its bilingual message, its failed checks and its fields", () => {
    const e = toAppError({
      code: 'functions/failed-precondition',
      message: 'Không đạt / refused',
      details: {
        message: { vi: 'Không đạt điều kiện', en: 'Checks failed' },
        checks: [
          {
            code: 'target_quota',
            outcome: 'fail',
            overridable: false,
            basis: 'NĐ 62/2020',
            basisEn: 'Decree 62/2020',
            message: 'Hết biên chế',
            messageEn: 'No free post',
          },
        ],
        quota: {
          allocated: 32,
          filled: 32,
          reservedForReturn: 0,
          incoming: 0,
          free: 0,
          fits: false,
          delta: 1,
        },
      },
    });
    expect(e.code).toBe('failed-precondition');
    expect(e.text).toEqual({ vi: 'Không đạt điều kiện', en: 'Checks failed' });
    expect(e.checks.map((c) => c.code)).toEqual(['target_quota']);
    expect(e.quota?.free).toBe(0);
  });

  test('field errors by path, for forms', () => {
    const e = toAppError({
      code: 'functions/invalid-argument',
      details: {
        message: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
        fields: [
          { path: 'toUnitCode', message: 'mã xã gồm 5 chữ số / commune code is 5 digits' },
          { path: ['overrides', 0, 'reason'], message: 'quá ngắn / too short' },
        ],
      },
    });
    expect(fieldErrorMap(e)).toEqual({
      toUnitCode: 'mã xã gồm 5 chữ số / commune code is 5 digits',
      'overrides.0.reason': 'quá ngắn / too short',
    });
    expect(fieldErrorMap(null)).toEqual({});
  });

  test("Firestore's permission-denied reads as 'outside your scope', in both languages", () => {
    const e = toAppError({ code: 'permission-denied', message: 'Missing or insufficient permissions.' });
    expect(e.text).toEqual({
      vi: 'Trang này nằm ngoài phạm vi được phân quyền của bạn.',
      en: 'This page is outside the scope of your account.',
    });
  });

  test('a wrong password, a network failure and anything else', () => {
    expect(toAppError({ code: 'auth/invalid-credential', message: 'x' }).text.en).toBe(
      'Wrong email or password.',
    );
    expect(toAppError({ code: 'unavailable', message: 'x' }).text.vi).toBe(
      'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    );
    expect(toAppError(new Error('boom')).text).toEqual({
      vi: 'Lỗi không mong đợi: boom',
      en: 'Unexpected error: boom',
    });
    expect(
      toAppError({ code: 'functions/not-found', message: 'Không có cán bộ c-9 / unknown cadre c-9' }).text,
    ).toEqual({
      vi: 'Không có cán bộ c-9',
      en: 'unknown cadre c-9',
    });
  });

  test('a one-line message splits at its last " / "', () => {
    expect(splitOneLine('Xã / phường / commune or ward')).toEqual({
      vi: 'Xã / phường',
      en: 'commune or ward',
    });
    expect(splitOneLine('only one')).toEqual({ vi: 'only one', en: 'only one' });
  });
});

describe('claims', () => {
  test('claims of the shape the rules accept, else none', () => {
    expect(parseClaims({ role: 'area_monitor', province: '42', communes: ['18073'], iss: 'x' })).toEqual({
      role: 'area_monitor',
      province: '42',
      communes: ['18073'],
    });
    expect(parseClaims({ role: 'king', province: '42' })).toBeNull();
    expect(parseClaims({ role: 'auditor', province: '4' })).toBeNull();
    expect(parseClaims({ role: 'commune_admin', province: '42', communes: { a: '18073' } })).toBeNull();
    expect(parseClaims({ role: 'cadre', province: '42', cadreId: 7 })).toBeNull();
  });

  test('each role lands on the page of its scope', () => {
    expect(homePath({ role: 'province_admin', province: '42' })).toBe('/dashboard');
    expect(homePath({ role: 'auditor', province: '42' })).toBe('/dashboard');
    expect(homePath({ role: 'area_monitor', province: '42', communes: ['18073'] })).toBe('/monitor');
    expect(homePath({ role: 'commune_viewer', province: '42', communes: ['18100'] })).toBe('/communes/18100');
    expect(homePath({ role: 'cadre', province: '42', cadreId: 'a' })).toBe('/me');
  });
});

describe('table cells and export', () => {
  test('numbers by value, text in Vietnamese order with digits by number, empty cells last', () => {
    expect([10, 9, null, 100].sort(compareCells)).toEqual([9, 10, 100, null]);
    expect(['Xã Đức Thọ', 'Xã An Hòa', '', 'Xã Ân Phú'].sort(compareCells)).toEqual([
      'Xã An Hòa',
      'Xã Ân Phú',
      'Xã Đức Thọ',
      '',
    ]);
    expect(['Khối 10', 'Khối 9'].sort(compareCells)).toEqual(['Khối 9', 'Khối 10']);
  });

  test('the file name of an export: the caption without diacritics, and the date', () => {
    expect(xlsxFileName('Biên chế theo xã, phường 2026', '2026-12-01')).toBe(
      'bien-che-theo-xa-phuong-2026-2026-12-01.xlsx',
    );
    expect(xlsxFileName('Đơn vị', '2026-12-01')).toBe('don-vi-2026-12-01.xlsx');
    expect(xlsxFileName('…', '2026-12-01')).toBe('canbo-2026-12-01.xlsx');
  });
});

describe('route patterns', () => {
  test('a parameter is one non-empty segment; a trailing slash is ignored', () => {
    expect(matchesPath('/communes/18073', '/communes/:code')).toBe(true);
    expect(matchesPath('/communes/18073/', '/communes/:code')).toBe(true);
    expect(matchesPath('/communes/', '/communes/:code')).toBe(false);
    expect(matchesPath('/communes/18073/people', '/communes/:code')).toBe(false);
    expect(matchesPath('/dashboard', '/dashboard')).toBe(true);
    expect(matchesPath('/dashboards', '/dashboard')).toBe(false);
  });
});
