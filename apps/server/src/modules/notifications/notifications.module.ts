import { Ok } from '@civicdesk/contracts/common';
import { NotificationList } from '@civicdesk/contracts/notifications';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { type Module, userCtx } from '../../platform/http/types.ts';
import { listNotifications, markRead } from './notifications.service.ts';

// Notification centre and the per-user realtime channel (WebSocket at /api/realtime).
export const notificationsModule: Module = {
  name: 'notifications',
  register(app, { hub }) {
    const tags = ['notifications'];
    app.get('/api/notifications', { schema: { tags, response: { 200: NotificationList } } }, async (req) => {
      const ctx = userCtx(req);
      return listNotifications(ctx, ctx.actor.userId);
    });
    app.post(
      '/api/notifications/:id/read',
      { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: Ok } } },
      async (req) => {
        const ctx = userCtx(req);
        if ((await markRead(ctx, ctx.actor.userId, req.params.id)) === 0) throw notFound();
        return { ok: true as const };
      },
    );
    app.post('/api/notifications/read-all', { schema: { tags, response: { 200: Ok } } }, async (req) => {
      const ctx = userCtx(req);
      await markRead(ctx, ctx.actor.userId);
      return { ok: true as const };
    });
    app.get('/api/realtime', { websocket: true, schema: { hide: true } }, (socket, req) => {
      if (!req.actor || req.sessionStage !== 'full') return socket.close(4401, 'unauthorized');
      const detach = hub.attach(req.actor.userId, socket);
      socket.on('close', detach);
      socket.send(JSON.stringify({ type: 'hello', userId: req.actor.userId }));
    });
  },
};
