/**
 * The label of an enum value is written once, in the message catalogue
 * (packages/model/src/messages/ui.ts, `<family>.<value>`): the web client reads
 * it with `t()`, the server through the model's *_LABELS tables. While those
 * tables still hold their own copy, this test keeps the two equal; once they
 * are built with `viLabelsOf`/`labelsOf` it keeps every value labelled.
 */
import {
  Block,
  BLOCK_LABELS,
  CadreStatus,
  Category,
  CATEGORY_LABELS,
  EDUCATION_LABELS,
  EducationLevel,
  Gender,
  MOVEMENT_TYPE_LABELS,
  MovementStatus,
  MovementType,
  POLITICAL_THEORY_LABELS,
  PoliticalTheory,
  Region,
  Role,
  ROLE_LABELS,
} from '../../../packages/model/src';
import { labelsOf, viLabelsOf } from '../../../packages/model/src/messages/ui';

describe('enum labels come from the message catalogue', () => {
  test('every value of every labelled enum has both languages', () => {
    const tables = [
      labelsOf('role', Role.options),
      labelsOf('block', Block.options),
      labelsOf('movementType', MovementType.options),
      labelsOf('movementStatus', MovementStatus.options),
      labelsOf('cadreStatus', CadreStatus.options),
      labelsOf('category', Category.options),
      labelsOf('education', EducationLevel.options),
      labelsOf('theory', PoliticalTheory.options),
      labelsOf('gender', Gender.options),
      labelsOf('region', Region.options),
    ];
    for (const table of tables)
      for (const label of Object.values(table)) {
        expect(label.vi.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    expect(tables.map((t) => Object.keys(t).length)).toEqual([7, 4, 6, 7, 5, 4, 5, 4, 2, 4]);
  });

  test('the model’s label tables say what the catalogue says', () => {
    expect(BLOCK_LABELS).toEqual(viLabelsOf('block', Block.options));
    expect(EDUCATION_LABELS).toEqual(viLabelsOf('education', EducationLevel.options));
    expect(POLITICAL_THEORY_LABELS).toEqual(viLabelsOf('theory', PoliticalTheory.options));
    expect(CATEGORY_LABELS).toEqual(viLabelsOf('category', Category.options));
    expect(MOVEMENT_TYPE_LABELS).toEqual(viLabelsOf('movementType', MovementType.options));
    expect(ROLE_LABELS).toEqual(labelsOf('role', Role.options));
  });

  test('a few values, written out', () => {
    expect(viLabelsOf('block', Block.options).government).toBe('Khối chính quyền (HĐND, UBND)');
    expect(viLabelsOf('movementType', MovementType.options).secondment).toBe('Biệt phái');
    expect(labelsOf('role', Role.options).auditor).toEqual({ vi: 'Thanh tra, kiểm tra', en: 'Auditor' });
    expect(viLabelsOf('theory', PoliticalTheory.options).none).toBe('Chưa qua đào tạo');
  });
});
