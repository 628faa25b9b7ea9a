import { sql } from 'drizzle-orm';
import { selectRows } from '../src/platform/db/db.ts';
import type { App } from '../src/platform/http/types.ts';
import type { TestApp } from './test-app.ts';

// Helpers for public-service tests: a registry-kind procedure and a verified citizen account.

export function buildingPermit(agencyId: string, unitId: string, code = 'GPXD') {
  return {
    agencyId,
    unitId,
    code,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    legalBasis: 'Luật Xây dựng 2014, sửa đổi 2020; Nghị định 15/2021/NĐ-CP',
    requiredDocuments: ['Đơn đề nghị cấp giấy phép', 'Bản vẽ thiết kế'],
    form: {
      fields: [
        {
          key: 'citizenId',
          type: 'text',
          label: { vi: 'Số CCCD', en: 'Citizen ID', ko: '식별번호' },
          required: true,
        },
        { key: 'floors', type: 'number', label: { vi: 'Số tầng', en: 'Floors' }, required: true },
        { key: 'startDate', type: 'date', label: 'Ngày khởi công', required: false },
        {
          key: 'kind',
          type: 'choice',
          label: { vi: 'Loại công trình', en: 'Kind' },
          required: true,
          options: [
            { value: 'new', label: { vi: 'Xây mới', en: 'New' } },
            { value: 'repair', label: { vi: 'Sửa chữa', en: 'Repair' } },
          ],
        },
        { key: 'site', type: 'address', label: { vi: 'Địa điểm', en: 'Site' }, required: true },
        { key: 'drawing', type: 'file', label: { vi: 'Bản vẽ', en: 'Drawing' }, required: false },
      ],
    },
    processingDays: 15,
    fee: 75000,
    resultKind: 'licence',
    isRegistry: true,
    holderField: 'citizenId',
    validityMonths: 12,
  };
}

export const permitValues = (citizenId = '001099012345') => ({
  citizenId,
  floors: 3,
  kind: 'new',
  site: { street: '12 Lê Lợi', district: 'Phường 1', city: 'Lạng Sơn' },
});

export async function unitId(t: TestApp, agencyCode: string, unitCode: string): Promise<string> {
  const [row] = await selectRows<{ id: string }>(
    t.db.database.db,
    sql`select u.id from units u join agencies a on a.id = u.agency_id where a.code = ${agencyCode} and u.code = ${unitCode}`,
  );
  return row!.id;
}

/** Registers a citizen, follows the verification link handed back without SMTP, signs in; returns the cookie. */
export async function citizen(app: App, username: string, identifier?: string): Promise<string> {
  const reg = await app.inject({
    method: 'POST',
    url: '/api/portal/register',
    payload: {
      username,
      displayName: `Công dân ${username}`,
      email: `${username}@example.test`,
      password: 'citizen-password-1',
      locale: 'vi',
      identifier,
    },
  });
  if (reg.statusCode !== 201) throw new Error(`register failed: ${reg.body}`);
  const link = (reg.json() as { verifyLink: string }).verifyLink;
  const token = link.split('/').pop()!;
  const verified = await app.inject({ method: 'POST', url: '/api/portal/verify-email', payload: { token } });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/portal/login',
    payload: { username, password: 'citizen-password-1' },
  });
  if (login.statusCode !== 200) throw new Error(`portal login failed: ${login.body}`);
  return `cd_session=${login.cookies.find((c) => c.name === 'cd_session')!.value}`;
}
