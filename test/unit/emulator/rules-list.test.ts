/**
 * List queries judged by what they could return (three-valued logic): a field
 * the query pins is known, any other field is unknown, and a rule grants only
 * when it is true whatever the unknown fields hold. The case canbo relies on
 * (firestore.rules, cadres): `communeCode in mine || homeCommuneCode in mine`
 * with only one of the two fields pinned by the query.
 */
import { ANY_ID, Ruleset, queryBranches } from '../../../emulator/src/rules/engine';
import { RMap, Unknown, fromJsonValue } from '../../../emulator/src/rules/runtime';
import type { Filter, StructuredQuery } from '../../../emulator/src/types';

const ruleset = Ruleset.compile(`rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    function mine() {
      return request.auth.token.get('communes', []);
    }
    match /cadres/{id} {
      allow list: if resource.data.provinceCode == request.auth.token.province
        && (resource.data.communeCode in mine() || resource.data.homeCommuneCode in mine());
    }
  }
}`);

const request = RMap.of({
  auth: RMap.of({ uid: 'u', token: fromJsonValue({ province: '42', communes: ['18073', '18115'] }) }),
  method: 'list',
  path: new Unknown(),
});

const eq = (field: string, value: string): Filter => ({
  fieldFilter: { field: { fieldPath: field }, op: 'EQUAL', value: { stringValue: value } },
});
const isIn = (field: string, values: string[]): Filter => ({
  fieldFilter: {
    field: { fieldPath: field },
    op: 'IN',
    value: { arrayValue: { values: values.map((v) => ({ stringValue: v })) } },
  },
});
const and = (...filters: Filter[]): Filter => ({ compositeFilter: { op: 'AND', filters } });
const or = (...filters: Filter[]): Filter => ({ compositeFilter: { op: 'OR', filters } });

function allowed(where?: Filter): boolean {
  const query: StructuredQuery = { from: [{ collectionId: 'cadres' }], ...(where ? { where } : {}) };
  return ruleset.decide(
    ['databases', '(default)', 'documents', 'cadres', ANY_ID],
    'list',
    request,
    RMap.of({ data: new Unknown([]), id: new Unknown(), __name__: new Unknown() }),
    () => null,
    { maxLookups: 10, lookups: new Set(), branches: queryBranches(query) },
  ).allowed;
}

describe('an OR of two fields with only one pinned by the query', () => {
  test.each([
    ['the left field pinned to one of mine', and(eq('provinceCode', '42'), eq('communeCode', '18073'))],
    ['the right field pinned to one of mine', and(eq('provinceCode', '42'), eq('homeCommuneCode', '18073'))],
    [
      'the right field pinned by an in over my communes',
      and(eq('provinceCode', '42'), isIn('homeCommuneCode', ['18073', '18115'])),
    ],
    [
      'an OR query whose every branch pins one field to one of mine',
      and(eq('provinceCode', '42'), or(eq('communeCode', '18073'), eq('homeCommuneCode', '18115'))),
    ],
  ])('is granted: %s', (_label, where) => {
    expect(allowed(where)).toBe(true);
  });

  test.each([
    ['no filter', undefined],
    ['only the province', eq('provinceCode', '42')],
    [
      'the right field pinned to a commune not mine',
      and(eq('provinceCode', '42'), eq('homeCommuneCode', '18100')),
    ],
    [
      'an in with one value not mine',
      and(eq('provinceCode', '42'), isIn('homeCommuneCode', ['18073', '18100'])),
    ],
    [
      'an OR query with one branch not mine',
      and(eq('provinceCode', '42'), or(eq('communeCode', '18073'), eq('homeCommuneCode', '18100'))),
    ],
    ['my commune without the province', eq('homeCommuneCode', '18073')],
    ['my commune in another province', and(eq('provinceCode', '40'), eq('homeCommuneCode', '18073'))],
  ])('is refused: %s', (_label, where) => {
    expect(allowed(where)).toBe(false);
  });
});
