/**
 * Demo correction requests for the personal dossiers (issue 13,
 * docs/personal-data.md): four people of the province have asked to correct
 * their profile — one open and overdue, one open and due, one accepted, one
 * rejected — so the province's correction queue shows an overdue flag. Ids
 * are deterministic (`corr-seed-<province>-<n>`), so a second seed overwrites.
 * The access log starts empty: reads are made by people, not by the seed.
 */
import type { BulkWriter, Firestore } from 'firebase-admin/firestore';
import { communeOf, DEFAULT_DOSSIER_SETTINGS, type Cadre, type CorrectionRequest } from '@canbo/model';
import { dossierCollections } from '../../functions/src/data/dossiers';
import { addDays } from '../../functions/src/domain/dates';
import { correctionDueOn } from '../../functions/src/domain/dossiers';

/** The requests, from the first people in service of the province (in id order), as of `asOf`. */
export function seedCorrections(
  cadres: readonly Cadre[],
  provinceCode: string,
  asOf: string,
): CorrectionRequest[] {
  const people = cadres
    .filter((c) => c.provinceCode === provinceCode && c.status === 'active')
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, 4);
  const plans: [
    Pick<CorrectionRequest, 'field' | 'proposedValue' | 'reason'>,
    number,
    CorrectionRequest['status'],
  ][] = [
    [
      { field: 'phone', proposedValue: '0912000111', reason: 'Tôi đã đổi số điện thoại từ tháng trước' },
      10,
      'open',
    ],
    [
      {
        field: 'family',
        proposedValue: 'Bổ sung con thứ hai, sinh năm 2019',
        reason: 'Hồ sơ còn thiếu con thứ hai',
      },
      0,
      'open',
    ],
    [
      { field: 'nationalId', proposedValue: '042090001111', reason: 'Số CCCD ghi sai chữ số cuối' },
      20,
      'accepted',
    ],
    [
      {
        field: 'discipline',
        proposedValue: 'Đề nghị xóa hình thức khiển trách đã hết thời hạn',
        reason: 'Đã hết thời hạn kỷ luật',
      },
      30,
      'rejected',
    ],
  ];
  return people.map((p, i) => {
    const [what, daysAgo, status] = plans[i]!;
    const requestedOn = addDays(asOf, -daysAgo);
    const decided = status !== 'open';
    return {
      id: `corr-seed-${provinceCode}-${i + 1}`,
      cadreId: p.id,
      provinceCode,
      communeCode: communeOf(p.homeUnitCode),
      ...what,
      status,
      requestedBy: `seed-${p.id}`,
      requestedAt: `${requestedOn}T02:00:00.000Z`,
      dueOn: correctionDueOn(requestedOn, DEFAULT_DOSSIER_SETTINGS),
      responseWorkingDays: DEFAULT_DOSSIER_SETTINGS.correction.workingDays,
      decidedBy: decided ? { uid: 'demo-province-admin', role: 'province_admin' } : null,
      decidedAt: decided ? `${addDays(requestedOn, 1)}T03:00:00.000Z` : null,
      decisionNote:
        status === 'accepted'
          ? 'Đã đối chiếu bản CCCD'
          : status === 'rejected'
            ? 'Quyết định kỷ luật vẫn còn hiệu lực'
            : null,
    };
  });
}

/** The seed's writes of the requests, queued on the seed's BulkWriter when called. */
export function dossierWrites(
  db: Firestore,
  writer: BulkWriter,
  cadres: readonly Cadre[],
  provinceCode: string,
  asOf: string,
): (() => void)[] {
  const requests = dossierCollections(db).correctionRequests;
  return seedCorrections(cadres, provinceCode, asOf).map((r) => () => void writer.set(requests.doc(r.id), r));
}
