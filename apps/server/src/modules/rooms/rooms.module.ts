import type { Module } from '../../platform/http/types.ts';
import { roomsMessages } from './rooms.messages.ts';
import { roomsRoutes } from './rooms.routes.ts';

// Rooms and seats: video-conference rooms and smart-work-centre seats as bookable resources of an agency,
// booked without double booking (resource row lock + overlap check in one transaction). The meetings module
// books its video meetings' rooms through use-cases/book.ts and cancels them through use-cases/cancel.ts.
export const roomsModule: Module = {
  name: 'rooms',
  messages: roomsMessages,
  register(app) {
    roomsRoutes(app);
  },
};
