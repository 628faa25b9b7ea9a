import type { Module } from '../../platform/http/types.ts';
import { startGateway } from '../../platform/janus/gateway.ts';
import { liveRoutes } from './live/live.routes.ts';
import { meetingsMessages } from './meetings.messages.ts';
import { meetingsRoutes } from './meetings.routes.ts';

// Video meetings on Janus: scheduling and invitations, the live room (lobby, moderation, chat, hands, last-N
// subscriptions with simulcast layers), the staff relay through Streaming mountpoints, recording. The server owns
// every Janus session and handle (platform/janus); browsers speak only to /api/video-meetings/:id/live.
export const meetingsModule: Module = {
  name: 'meetings',
  messages: meetingsMessages,
  async register(app, deps) {
    const gateway = await startGateway({ ...deps.config.janus, dataDir: deps.config.dataDir }, app.log);
    meetingsRoutes(app, gateway, deps.config.dataDir);
    const live = liveRoutes(app, { ...deps, gateway });
    app.addHook('onClose', async () => {
      await live.endAll();
      await gateway.close();
    });
  },
};
