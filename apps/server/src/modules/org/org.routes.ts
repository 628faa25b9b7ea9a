import { Ok } from '@civicdesk/contracts/common';
import {
  Agency,
  AgencyCreate,
  AgencyUpdate,
  Delegation,
  DelegationCreate,
  Position,
  PositionCreate,
  Tier,
  Unit,
  UnitCreate,
  UnitUpdate,
} from '@civicdesk/contracts/org';
import { z } from 'zod';
import { type App, userCtx } from '../../platform/http/types.ts';
import * as org from './org.service.ts';
import { createDelegation, listDelegations, revokeDelegation } from './use-cases/delegations.ts';

const tags = ['organisation'];
const ById = z.object({ id: z.uuid() });

export function orgRoutes(app: App) {
  app.get('/api/tiers', { schema: { tags, response: { 200: z.array(Tier) } } }, async (req) =>
    org.listTiers(userCtx(req)),
  );

  app.get('/api/agencies', { schema: { tags, response: { 200: z.array(Agency) } } }, async (req) => {
    const ctx = userCtx(req);
    return org.listAgencies(ctx, ctx.actor);
  });
  app.post(
    '/api/agencies',
    { schema: { tags, body: AgencyCreate, response: { 201: Agency } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const agency = await org.createAgency(ctx, ctx.actor, req.body);
      return reply.status(201).send({ ...agency, canAdmin: true });
    },
  );
  app.patch(
    '/api/agencies/:id',
    { schema: { tags, params: ById, body: AgencyUpdate, response: { 200: Agency } } },
    async (req) => {
      const ctx = userCtx(req);
      return { ...(await org.updateAgency(ctx, ctx.actor, req.params.id, req.body)), canAdmin: true };
    },
  );

  app.get(
    '/api/agencies/:id/units',
    { schema: { tags, params: ById, response: { 200: z.array(Unit) } } },
    async (req) => {
      const ctx = userCtx(req);
      return org.listUnits(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/agencies/:id/units',
    { schema: { tags, params: ById, body: UnitCreate, response: { 201: Unit } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await org.createUnit(ctx, ctx.actor, req.params.id, req.body));
    },
  );
  app.patch(
    '/api/units/:id',
    { schema: { tags, params: ById, body: UnitUpdate, response: { 200: Unit } } },
    async (req) => {
      const ctx = userCtx(req);
      return org.updateUnit(ctx, ctx.actor, req.params.id, req.body);
    },
  );

  app.get(
    '/api/agencies/:id/positions',
    { schema: { tags, params: ById, response: { 200: z.array(Position) } } },
    async (req) => {
      const ctx = userCtx(req);
      return org.listPositions(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/agencies/:id/positions',
    { schema: { tags, params: ById, body: PositionCreate, response: { 201: Position } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await org.createPosition(ctx, ctx.actor, req.params.id, req.body));
    },
  );

  app.get(
    '/api/agencies/:id/delegations',
    { schema: { tags, params: ById, response: { 200: z.array(Delegation) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listDelegations(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/agencies/:id/delegations',
    { schema: { tags, params: ById, body: DelegationCreate, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const row = await createDelegation(ctx, ctx.actor, req.params.id, req.body);
      return reply.status(201).send({ id: row.id });
    },
  );
  app.post(
    '/api/delegations/:id/revoke',
    { schema: { tags, params: ById, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await revokeDelegation(ctx, ctx.actor, req.params.id);
      return { ok: true as const };
    },
  );
  app.delete('/api/posts/:id', { schema: { tags, params: ById, response: { 200: Ok } } }, async (req) => {
    const ctx = userCtx(req);
    await org.deactivatePost(ctx, ctx.actor, req.params.id);
    return { ok: true as const };
  });
}
