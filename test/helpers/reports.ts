/** Builders shared by the report builders' tests (test/unit/reports/). */
import type { ReinforcementMovement } from '../../functions/src/domain/reports';

/** A rotation from the Sở Nội vụ to the chair of Xã Yên Thành, active since 1 March 2026. */
export const reinforcementMove = (
  id: string,
  extra: Partial<ReinforcementMovement> = {},
): ReinforcementMovement => ({
  id,
  type: 'rotation',
  status: 'active',
  cadreName: `Người ${id}`,
  fromUnitCode: '40-snv',
  toUnitCode: '17011',
  toPositionId: 'xa_chu_tich_ubnd',
  startDate: '2026-03-01',
  actualStartDate: null,
  ...extra,
});
