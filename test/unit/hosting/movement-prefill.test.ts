/**
 * Links from the screening, honours and planning lists open the proposal form
 * with the person and the proposal filled in (hosting/src/pages/movements/prefill.ts);
 * only well-formed values are taken.
 */
import { MAX_PREFILLED_REASON, prefillFrom } from '../../../hosting/src/pages/movements/prefill';

describe('prefillFrom', () => {
  test('takes every well-formed value of a query string', () => {
    expect(
      prefillFrom(
        '?fromUnit=42001&cadreId=42001-0007&type=termination&toUnit=42-snv&toPosition=xa_chu_tich_ubnd&reason=Hai%20qu%C3%BD%20KHT',
      ),
    ).toEqual({
      fromUnit: '42001',
      cadreId: '42001-0007',
      type: 'termination',
      toUnitCode: '42-snv',
      toPositionId: 'xa_chu_tich_ubnd',
      reason: 'Hai quý KHT',
    });
  });

  test('reads the parsed query object preact-iso gives, and agency units', () => {
    expect(prefillFrom({ fromUnit: '18073-vp', cadreId: 'x1', type: 'transfer' })).toEqual({
      fromUnit: '18073-vp',
      cadreId: 'x1',
      type: 'transfer',
    });
  });

  test('drops malformed values, and a person without their unit', () => {
    expect(
      prefillFrom({
        fromUnit: '4200',
        cadreId: '42001-0007',
        type: 'promotion',
        toUnit: '../quotas',
        toPosition: 'Xa Chu Tich',
        reason: '   ',
      }),
    ).toEqual({});
    expect(prefillFrom('?fromUnit=42001&cadreId=a/b')).toEqual({ fromUnit: '42001' });
    expect(prefillFrom('')).toEqual({});
  });

  test('cuts a long reason to 500 characters', () => {
    expect(MAX_PREFILLED_REASON).toBe(500);
    const reason = prefillFrom({ reason: 'x'.repeat(501) }).reason;
    expect(reason).toHaveLength(500);
  });
});
