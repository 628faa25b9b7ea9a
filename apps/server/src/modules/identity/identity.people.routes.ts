import { Ok } from '@civicdesk/contracts/common';
import { Person, PersonCreate, PersonUpdate, PostInput } from '@civicdesk/contracts/org';
import { z } from 'zod';
import { type App, userCtx } from '../../platform/http/types.ts';
import { addPostToPerson, createPerson, listPeople, updatePerson } from './use-cases/people.ts';

const tags = ['people'];
const ById = z.object({ id: z.uuid() });

export function peopleRoutes(app: App) {
  app.get(
    '/api/agencies/:id/people',
    { schema: { tags, params: ById, response: { 200: z.array(Person) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listPeople(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/agencies/:id/people',
    { schema: { tags, params: ById, body: PersonCreate, response: { 201: Person } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await createPerson(ctx, ctx.actor, req.params.id, req.body));
    },
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, params: ById, body: PersonUpdate, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await updatePerson(ctx, ctx.actor, req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/people/:id/posts',
    {
      schema: {
        tags,
        params: ById,
        body: PostInput.extend({ agencyId: z.uuid() }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (req, reply) => {
      const ctx = userCtx(req);
      const post = await addPostToPerson(ctx, ctx.actor, req.params.id, req.body);
      return reply.status(201).send({ id: post.id });
    },
  );
}
