import { AuditEntry, AuditQuery, AuditVerifyReport } from '@civicdesk/contracts/audit';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { selectRows } from '../../platform/db/db.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { type Module, userCtx } from '../../platform/http/types.ts';
import { adminAgencyIds } from '../org/org.service.ts';
import { listAuditEntries, verifyAuditLog } from './audit.service.ts';

// Reading the audit trail: platform operators see everything; agency admins see the chains of the agencies
// they administer. Verification of the whole chain is for platform operators (and the CLI).
export const auditModule: Module = {
  name: 'audit',
  register(app) {
    const tags = ['audit'];
    app.get(
      '/api/audit',
      {
        schema: {
          tags,
          querystring: AuditQuery,
          response: { 200: z.object({ items: z.array(AuditEntry) }) },
        },
      },
      async (req) => {
        const ctx = userCtx(req);
        const scope = ctx.actor.isPlatformAdmin ? null : adminAgencyIds(ctx.actor);
        if (scope && (await selectRows(ctx.db, sql`select 1 from (${scope}) s limit 1`)).length === 0)
          throw forbidden();
        const { from, to, ...rest } = req.query;
        const rows = await listAuditEntries(ctx.db, scope, {
          ...rest,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
        });
        return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
      },
    );
    app.get('/api/audit/verify', { schema: { tags, response: { 200: AuditVerifyReport } } }, async (req) => {
      const ctx = userCtx(req);
      if (!ctx.actor.isPlatformAdmin) throw forbidden();
      return verifyAuditLog(ctx.db);
    });
  },
};
