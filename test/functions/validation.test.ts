/**
 * Field errors a user can read in either language: the schemas' own format
 * hints are kept, and zod's generic messages come in Vietnamese then English.
 */
import { ZCheckQuotaInput, ZProposeMovementInput } from '@canbo/model';
import { ValidationFailed } from '../../functions/src/lib/errors';

function fieldsOf(schema: Parameters<typeof ValidationFailed.parse>[0], data: unknown) {
  try {
    ValidationFailed.parse(schema, data);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationFailed);
    return Object.fromEntries((err as ValidationFailed).fields.map((f) => [f.path, f.message]));
  }
  throw new Error('expected the input to be refused');
}

test('a date written dd/mm/yyyy is refused with the expected format in both languages', () => {
  const fields = fieldsOf(ZProposeMovementInput, {
    type: 'transfer',
    cadreId: 'c1',
    toUnitCode: '18100',
    toPositionId: 'xa_ke_toan',
    startDate: '15/12/2026',
    reason: 'Điều động',
  });
  expect(fields).toEqual({
    startDate: 'ngày dạng YYYY-MM-DD, ví dụ 2026-12-15 / date as YYYY-MM-DD, e.g. 2026-12-15',
  });
});

test("zod's generic messages are given in Vietnamese and English", () => {
  const fields = fieldsOf(ZCheckQuotaInput, { unitCode: '18073', block: 'army', delta: 0, colour: 'red' });
  expect(fields).toEqual({
    '': 'Khóa không được nhận dạng: "colour" / Unrecognized key: "colour"',
    block:
      'Tùy chọn không hợp lệ: mong đợi một trong các giá trị "government"|"party"|"military"|"public_service" / Invalid option: expected one of "government"|"party"|"military"|"public_service"',
    delta: 'Quá nhỏ: mong đợi number >=1 / Too small: expected number to be >=1',
  });
});

test('a wrong type names what was received, in both languages', () => {
  const fields = fieldsOf(ZCheckQuotaInput, { unitCode: '18073', block: 'government', year: '2027' });
  expect(fields).toEqual({
    year: 'Đầu vào không hợp lệ: mong đợi số, nhận được string / Invalid input: expected number, received string',
  });
});

test('valid input is returned parsed', () => {
  expect(ValidationFailed.parse(ZCheckQuotaInput, { unitCode: '18073', block: 'party' })).toEqual({
    unitCode: '18073',
    block: 'party',
  });
});
