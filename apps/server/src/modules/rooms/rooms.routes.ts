import {
  Availability,
  AvailabilityQuery,
  Booking,
  BookingInput,
  MyBookingsQuery,
  Resource,
  ResourceInput,
  ResourceListQuery,
  ResourceUpdate,
} from '@civicdesk/contracts/rooms';
import { z } from 'zod';
import { type App, userCtx } from '../../platform/http/types.ts';
import { availability, myBookings } from './use-cases/availability.ts';
import { bookFromRequest } from './use-cases/book.ts';
import { cancelBooking } from './use-cases/cancel.ts';
import { createResource, getResource, listResources, updateResource } from './use-cases/resources.ts';

const tags = ['rooms'];
const ById = z.object({ id: z.uuid() });

export function roomsRoutes(app: App) {
  resourceRoutes(app);
  bookingRoutes(app);
}

function resourceRoutes(app: App) {
  app.get(
    '/api/rooms/resources',
    { schema: { tags, querystring: ResourceListQuery, response: { 200: z.array(Resource) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listResources(ctx, ctx.actor, req.query);
    },
  );
  app.post(
    '/api/rooms/resources',
    { schema: { tags, body: ResourceInput, response: { 201: Resource } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await createResource(ctx, ctx.actor, req.body));
    },
  );
  app.get(
    '/api/rooms/resources/:id',
    { schema: { tags, params: ById, response: { 200: Resource } } },
    async (req) => {
      const ctx = userCtx(req);
      return getResource(ctx, ctx.actor, req.params.id);
    },
  );
  app.patch(
    '/api/rooms/resources/:id',
    { schema: { tags, params: ById, body: ResourceUpdate, response: { 200: Resource } } },
    async (req) => {
      const ctx = userCtx(req);
      return updateResource(ctx, ctx.actor, req.params.id, req.body);
    },
  );
}

function bookingRoutes(app: App) {
  app.get(
    '/api/rooms/resources/:id/availability',
    { schema: { tags, params: ById, querystring: AvailabilityQuery, response: { 200: Availability } } },
    async (req) => {
      const ctx = userCtx(req);
      return availability(ctx, ctx.actor, req.params.id, req.query);
    },
  );
  app.post(
    '/api/rooms/resources/:id/bookings',
    { schema: { tags, params: ById, body: BookingInput, response: { 201: Booking } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await bookFromRequest(ctx, ctx.actor, req.params.id, req.body));
    },
  );
  app.get(
    '/api/rooms/bookings/mine',
    { schema: { tags, querystring: MyBookingsQuery, response: { 200: z.array(Booking) } } },
    async (req) => {
      const ctx = userCtx(req);
      return myBookings(ctx, ctx.actor, req.query);
    },
  );
  app.post(
    '/api/rooms/bookings/:id/cancel',
    { schema: { tags, params: ById, response: { 200: Booking } } },
    async (req) => {
      const ctx = userCtx(req);
      return cancelBooking(ctx, ctx.actor, req.params.id);
    },
  );
}
