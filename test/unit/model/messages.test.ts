/**
 * The message catalogue (packages/model/src/messages): every text exists in
 * Vietnamese and English, each key is defined once, both languages take the
 * same parameters, and the server's records and the input schemas take their
 * texts from it rather than writing their own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  MESSAGE_AREAS,
  MESSAGES,
  message,
  oneLine,
  ZProposeMovementInput,
  ZSetUserScopeInput,
} from '@canbo/model';

const ROOT = join(__dirname, '..', '..', '..');
const entries = Object.entries(MESSAGES) as [string, { vi: string; en: string }][];

/**
 * A template's parameters by the concept they name. A language-specific
 * variant carries a `Vi` or `En` suffix (`{typeVi}` in Vietnamese where
 * English has `{type}`, `{post}` where English has `{postEn}`): the same
 * parameter for this comparison.
 */
function params(template: string): string[] {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(Vi|En)$/, ''));
  return [...new Set(names)].sort();
}

describe('the message catalogue', () => {
  test('every entry has a non-empty Vietnamese and English text', () => {
    const missing = entries.filter(([, t]) => !t.vi?.trim() || !t.en?.trim()).map(([key]) => key);
    expect(missing).toEqual([]);
    expect(entries.length).toBeGreaterThan(100);
  });

  test('no key is defined in two area files (the spread in messages/index.ts would silently keep one)', () => {
    const areasOf = new Map<string, string[]>();
    for (const [area, table] of Object.entries(MESSAGE_AREAS))
      for (const key of Object.keys(table)) areasOf.set(key, [...(areasOf.get(key) ?? []), area]);
    const twice = [...areasOf].filter(([, areas]) => areas.length > 1);
    expect(twice).toEqual([]);
    // Every area is joined: the catalogue is exactly the union of the area files.
    const total = Object.values(MESSAGE_AREAS).reduce((n, table) => n + Object.keys(table).length, 0);
    expect(Object.keys(MESSAGES)).toHaveLength(total);
  });

  test('every area file is one of MESSAGE_AREAS (a new file must be joined and checked too)', () => {
    const files = readdirSync(join(ROOT, 'packages/model/src/messages'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'format.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual([
      'checks',
      'dossiers',
      'errors',
      'evaluation',
      'fields',
      'monitors',
      'movements-ui',
      'planning',
      'ratings',
      'records',
      'reports',
      'ui',
    ]);
    expect(Object.keys(MESSAGE_AREAS).sort()).toEqual([
      'checks',
      'dossiers',
      'errors',
      'evaluation',
      'fields',
      'monitors',
      'movementsUi',
      'planning',
      'ratings',
      'records',
      'reports',
      'ui',
    ]);
  });

  test('every {param} of the Vietnamese text also appears in the English one, and the reverse', () => {
    const mismatched = entries
      .filter(([, t]) => params(t.vi).join() !== params(t.en).join())
      .map(([key, t]) => `${key}: vi {${params(t.vi).join(',')}} en {${params(t.en).join(',')}}`);
    expect(mismatched).toEqual([]);
  });

  test('the parameter comparison sees a parameter missing from one language', () => {
    expect(params('Không có đơn vị {code}')).toEqual(['code']);
    expect(params('unknown unit')).toEqual([]);
    expect(params('{post} ({typeVi}, {statusVi})')).toEqual(params('{postEn} ({type}, {status})'));
  });
});

describe('texts moved into the catalogue', () => {
  test('the server records (audit reasons, history notes, job errors) read in both languages', () => {
    expect(oneLine(message('audit.setScope'))).toBe('Phân quyền tài khoản / account scope set');
    expect(oneLine(message('audit.carryOver', { year: 2027 }))).toBe(
      'Kết chuyển biên chế sang năm 2027 / quota carry-over into 2027',
    );
    expect(oneLine(message('history.started'))).toBe('Bắt đầu thực hiện / started');
    expect(oneLine(message('history.extended', { end: '2028-06-30', reason: 'Theo đề nghị' }))).toBe(
      'Gia hạn đến 2028-06-30: Theo đề nghị / extended until 2028-06-30: Theo đề nghị',
    );
    expect(oneLine(message('job.claimsNotApplied', { count: 2 }))).toBe(
      'Chưa áp dụng được quyền cho 2 tài khoản / claims not applied for 2 account(s)',
    );
    expect(message('check.rotation_rank.within_planning', { rank: 5 })).toEqual({
      vi: 'Chức vụ đến (bậc 5) nằm trong quy hoạch của cán bộ.',
      en: "The target post (rank 5) is within the person's planning.",
    });
  });

  test("the input schemas' cross-field rules answer in both languages", () => {
    const issue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      r.error?.issues.map((i) => [i.path.join('.'), i.message]);
    const proposal = {
      type: 'transfer',
      cadreId: 'c1',
      toUnitCode: '18073',
      toPositionId: 'xa_cong_chuc_van_phong',
      startDate: '2027-03-01',
      plannedEndDate: '2027-02-01',
      reason: 'Điều động theo yêu cầu công tác',
    };
    expect(issue(ZProposeMovementInput.safeParse(proposal))).toEqual([
      ['plannedEndDate', 'Ngày kết thúc phải sau ngày bắt đầu / end must be after start'],
    ]);
    const noPost = { ...proposal, toPositionId: undefined, plannedEndDate: undefined };
    expect(issue(ZProposeMovementInput.safeParse(noPost))).toEqual([
      ['toPositionId', 'Cần vị trí đến / a target position is required'],
    ]);
    const scope = { uid: 'u1', role: 'cadre', province: '42' };
    expect(issue(ZSetUserScopeInput.safeParse(scope))).toEqual([
      ['cadreId', 'Vai trò cán bộ cần mã cán bộ / cadre role needs cadreId'],
    ]);
    expect(issue(ZSetUserScopeInput.safeParse({ ...scope, role: 'commune_admin' }))).toEqual([
      ['communes', 'Vai trò cấp xã cần danh sách xã / commune roles need communes'],
    ]);
  });

  /**
   * A guard against new hard-coded texts: an error message, audit reason,
   * history note or format hint in the server or the model is a
   * `message(...)`, never a string written in place. Logs (read by
   * operators, in English) are not user texts. The catalogue files'
   * validation (catalogue.ts, positions.ts) speaks to whoever edits
   * data/catalogue, in English like the files' own comments; so does the
   * evaluation rules catalogue's (evaluation-rules.ts).
   */
  test('no error message, audit reason, history note or format hint is a literal in functions/src or packages/model/src', () => {
    const OPERATOR_FACING = new Set([
      'packages/model/src/catalogue.ts',
      'packages/model/src/positions.ts',
      'packages/model/src/evaluation-rules.ts',
    ]);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const literal = /\b(reason|note|message|error)\s*:\s*['"`]|\.regex\([^,]+,\s*['"`]/;
    const found = ['functions/src', 'packages/model/src']
      .flatMap((d) => files(join(ROOT, d)))
      .map((p) => relative(ROOT, p))
      .filter((p) => !p.startsWith('packages/model/src/messages/') && !OPERATOR_FACING.has(p))
      .flatMap((p) =>
        readFileSync(join(ROOT, p), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${p}:${i + 1}` }))
          .filter(({ line }) => literal.test(line) && !/\blog\.\w+\(/.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });

  /**
   * The server writes no Vietnamese of its own: a Vietnamese word in a string
   * of functions/src is a text meant for a user, kept outside the catalogue
   * and so without its English. The one exception is the reading of the
   * official unit lists (domain/units.ts): the type labels they use and the
   * resolution a unit's form rests on are data, not messages.
   */
  test('no Vietnamese text in a string of functions/src outside the official unit lists', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const vietnamese = /['"`][^'"`\n]*[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;
    const found = files(join(ROOT, 'functions/src'))
      .map((p) => relative(ROOT, p))
      .filter((p) => p !== 'functions/src/domain/units.ts')
      .flatMap((p) =>
        readFileSync(join(ROOT, p), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${p}:${i + 1}` }))
          .filter(
            ({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line) && vietnamese.test(line.replace(/\/\/.*$/, '')),
          )
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
