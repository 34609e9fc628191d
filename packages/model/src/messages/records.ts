/**
 * Messages of the records area (see ./index.ts): the texts the server writes
 * into what it keeps — audit reasons (`audit.`), movement history notes
 * (`history.`) and job errors (`job.`). Stored as one line, "vi / en".
 */
import type { Bilingual } from './format';

export const RECORD_MESSAGES = {
  'audit.setScope': { vi: 'Phân quyền tài khoản', en: 'account scope set' },
  'audit.carryOver': {
    vi: 'Kết chuyển biên chế sang năm {year}',
    en: 'quota carry-over into {year}',
  },
  'history.started': { vi: 'Bắt đầu thực hiện', en: 'started' },
  'history.extended': {
    vi: 'Gia hạn đến {end}: {reason}',
    en: 'extended until {end}: {reason}',
  },
  'job.claimsNotApplied': {
    vi: 'Chưa áp dụng được quyền cho {count} tài khoản',
    en: 'claims not applied for {count} account(s)',
  },
  // Unit statistics (unitStats, rebuildUnitStats): issue 10.
  'audit.rebuildUnitStats': {
    vi: 'Tính lại số liệu thống kê theo đơn vị của tỉnh {province}',
    en: 'unit statistics of province {province} rebuilt',
  },
} as const satisfies Record<string, Bilingual>;
