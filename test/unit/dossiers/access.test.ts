/**
 * Who may read a private dossier, for which purpose and which fields
 * (functions/src/domain/dossiers/access.ts, docs/personal-data.md).
 */
import {
  dossierAccess,
  fieldsFor,
  pickFields,
  purposeAllowed,
  type DossierReader,
} from '../../../functions/src/domain/dossiers';

const subject = { id: '18073-001', provinceCode: '42', homeCommuneCode: '18073' };
const admin: DossierReader = { role: 'province_admin', province: '42', communes: [], cadreId: null };
const auditor: DossierReader = { role: 'auditor', province: '42', communes: [], cadreId: null };
const communeAdmin: DossierReader = {
  role: 'commune_admin',
  province: '42',
  communes: ['18073'],
  cadreId: null,
};
const self: DossierReader = { role: 'cadre', province: '42', communes: [], cadreId: '18073-001' };

describe('roles and purposes', () => {
  test('commune viewers, area monitors and unknown roles are refused whatever the purpose', () => {
    for (const role of ['commune_viewer', 'area_monitor', 'integration']) {
      expect(dossierAccess({ ...communeAdmin, role }, subject, 'movement')).toEqual({
        allowed: false,
        refusal: 'role',
      });
    }
  });

  test('each role states only its own purposes', () => {
    expect(purposeAllowed(admin, 'planning')).toBeNull();
    expect(purposeAllowed(admin, 'inspection')).toEqual({ allowed: false, refusal: 'purpose' });
    expect(purposeAllowed(auditor, 'inspection')).toBeNull();
    expect(purposeAllowed(auditor, 'appointment')).toEqual({ allowed: false, refusal: 'purpose' });
    expect(purposeAllowed(communeAdmin, 'movement')).toBeNull();
    expect(purposeAllowed(communeAdmin, 'planning')).toEqual({ allowed: false, refusal: 'purpose' });
    expect(purposeAllowed(self, 'self')).toBeNull();
    expect(purposeAllowed(self, 'appointment')).toEqual({ allowed: false, refusal: 'purpose' });
  });

  test('"self" is for the person only', () => {
    expect(dossierAccess(admin, subject, 'self')).toEqual({ allowed: false, refusal: 'self_only' });
    expect(dossierAccess(self, { ...subject, id: '18073-002' }, 'self')).toEqual({
      allowed: false,
      refusal: 'not_own',
    });
    expect(dossierAccess(self, subject, 'self')).toEqual({
      allowed: true,
      fields: ['nationalId', 'phone', 'family', 'discipline', 'restrictions'],
    });
  });
});

describe('scope', () => {
  test('province-wide roles read anyone of their province, never of another', () => {
    expect(dossierAccess(admin, subject, 'evaluation')).toEqual({ allowed: true, fields: ['discipline'] });
    expect(dossierAccess(auditor, { ...subject, homeCommuneCode: null }, 'inspection').allowed).toBe(true);
    expect(dossierAccess(admin, { ...subject, provinceCode: '40' }, 'evaluation')).toEqual({
      allowed: false,
      refusal: 'scope',
    });
    expect(dossierAccess(self, { ...subject, provinceCode: '40' }, 'self')).toEqual({
      allowed: false,
      refusal: 'scope',
    });
  });

  test("a commune admin reads the people on their commune's quota, not others nor provincial staff", () => {
    expect(dossierAccess(communeAdmin, subject, 'movement')).toEqual({
      allowed: true,
      fields: ['family', 'discipline', 'restrictions'],
    });
    expect(dossierAccess(communeAdmin, { ...subject, homeCommuneCode: '18100' }, 'movement')).toEqual({
      allowed: false,
      refusal: 'scope',
    });
    expect(dossierAccess(communeAdmin, { ...subject, homeCommuneCode: null }, 'movement')).toEqual({
      allowed: false,
      refusal: 'scope',
    });
  });
});

describe('fields (data minimisation)', () => {
  test('without a list, a read returns the fields its purpose needs', () => {
    expect(fieldsFor('appointment', undefined)).toEqual({
      allowed: true,
      fields: ['nationalId', 'family', 'discipline', 'restrictions'],
    });
    expect(fieldsFor('planning', undefined)).toEqual({ allowed: true, fields: ['family', 'discipline'] });
  });

  test('asked fields within the purpose come back in catalogue order; one outside refuses the read', () => {
    expect(fieldsFor('inspection', ['restrictions', 'phone'])).toEqual({
      allowed: true,
      fields: ['phone', 'restrictions'],
    });
    expect(fieldsFor('evaluation', ['discipline', 'nationalId', 'phone'])).toEqual({
      allowed: false,
      refusal: 'fields',
      fields: ['nationalId', 'phone'],
    });
  });

  test('pickFields returns exactly the fields of the read', () => {
    const profile = {
      nationalId: '042085001234',
      phone: '0912345678',
      family: [],
      discipline: [],
      restrictions: { x: 1 },
      updatedAt: '2026-11-25T08:00:00.000Z',
    };
    expect(pickFields(profile, ['phone', 'discipline'])).toEqual({ phone: '0912345678', discipline: [] });
  });
});
