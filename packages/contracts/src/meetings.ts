import { z } from 'zod';
import { Id, Text } from './common.ts';

// Video meetings on Janus: scheduling and invitations (HTTP), the live room and the staff relay (one
// WebSocket per browser window at /api/video-meetings/:id/live, messages below), recordings and attendance.

export const InviteeKind = z.enum(['user', 'unit', 'agency']);
export const InviteeInput = z.object({ kind: InviteeKind, id: Id });
export const Invitee = InviteeInput.extend({ name: z.string() });

export const VideoMeetingStatus = z.enum(['scheduled', 'live', 'ended', 'cancelled']);

export const VideoMeetingInput = z
  .object({
    agencyId: Id,
    title: Text(300),
    description: z.string().trim().max(4000).optional(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** Invitees wait until the host admits them. */
    lobby: z.boolean().default(true),
    invitees: z.array(InviteeInput).max(500).default([]),
    /** A video-conference room or seat booked for the meeting's time. */
    resourceId: Id.optional(),
  })
  .refine((m) => new Date(m.endsAt) > new Date(m.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });
export type VideoMeetingInput = z.input<typeof VideoMeetingInput>;

export const VideoMeetingUpdate = z.object({
  title: Text(300).optional(),
  description: z.string().trim().max(4000).optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  lobby: z.boolean().optional(),
  invitees: z.array(InviteeInput).max(500).optional(),
});

export const Recording = z.object({
  id: Id,
  status: z.enum(['processing', 'ready', 'failed']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  size: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type Recording = z.infer<typeof Recording>;

export const VideoMeeting = z.object({
  id: Id,
  agencyId: Id,
  agencyName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: VideoMeetingStatus,
  lobby: z.boolean(),
  hostId: Id,
  hostName: z.string(),
  committeeMeetingId: Id.nullable(),
  bookingId: Id.nullable(),
  relayOn: z.boolean(),
  /** What the caller may do. */
  me: z.object({ host: z.boolean(), invited: z.boolean(), canWatchRelay: z.boolean() }),
});
export type VideoMeeting = z.infer<typeof VideoMeeting>;

export const VideoMeetingDetail = VideoMeeting.extend({
  invitees: z.array(Invitee),
  recordings: z.array(Recording),
});
export type VideoMeetingDetail = z.infer<typeof VideoMeetingDetail>;

export const MeetingListQuery = z.object({ when: z.enum(['upcoming', 'past', 'live']).default('upcoming') });

export const AttendanceEntry = z.object({
  userId: Id,
  displayName: z.string(),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
});

export const VideoStatus = z.object({
  available: z.boolean(),
  /** Why video is off, for the meeting screen: 'no_janus' (package not installed) or 'unreachable'. */
  reason: z.enum(['no_janus', 'unreachable', 'disabled']).nullable(),
  instances: z.number().int(),
});
export type VideoStatus = z.infer<typeof VideoStatus>;

// ---- the live room: messages over the WebSocket ----

export const Source = z.enum(['camera', 'screen']);
export type Source = z.infer<typeof Source>;
export const Target = z.enum(['camera', 'screen', 'subscriber', 'relay']);
export type Target = z.infer<typeof Target>;
export const Jsep = z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().max(200_000) });
export type Jsep = z.infer<typeof Jsep>;
export const Candidate = z.object({
  candidate: z.string().max(2000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(1000).nullable().optional(),
});
export const TileSize = z.enum(['large', 'medium', 'small']);
export type TileSize = z.infer<typeof TileSize>;
export const Reaction = z.enum(['thumbs_up', 'clap', 'heart', 'laugh', 'surprised']);
export type Reaction = z.infer<typeof Reaction>;

const FeedId = z.string().regex(/^[a-z0-9-]{8,64}$/);

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('join') }),
  z.object({ type: z.literal('watch') }),
  z.object({
    type: z.literal('publish'),
    source: Source,
    jsep: Jsep,
    audio: z.boolean(),
    video: z.boolean(),
  }),
  z.object({ type: z.literal('unpublish'), source: Source }),
  z.object({ type: z.literal('trickle'), target: Target, candidate: Candidate.nullable() }),
  z.object({ type: z.literal('answer'), target: z.enum(['subscriber', 'relay']), jsep: Jsep }),
  /** The tiles the client shows now; the server subscribes to exactly these (plus who speaks). */
  z.object({
    type: z.literal('view'),
    tiles: z.array(z.object({ feed: FeedId, size: TileSize })).max(49),
  }),
  z.object({ type: z.literal('media'), audio: z.boolean(), video: z.boolean() }),
  z.object({ type: z.literal('chat'), text: Text(2000) }),
  z.object({ type: z.literal('hand'), raised: z.boolean() }),
  z.object({ type: z.literal('react'), reaction: Reaction }),
  z.object({ type: z.literal('quality'), level: z.enum(['good', 'fair', 'poor']) }),
  // moderator
  z.object({ type: z.literal('admit'), userId: Id }),
  z.object({ type: z.literal('refuse'), userId: Id }),
  z.object({ type: z.literal('mute'), userId: Id, kind: z.enum(['audio', 'video']) }),
  z.object({ type: z.literal('muteAll') }),
  z.object({ type: z.literal('remove'), userId: Id }),
  z.object({ type: z.literal('lowerHand'), userId: Id }),
  z.object({ type: z.literal('lock'), locked: z.boolean() }),
  z.object({ type: z.literal('handOver'), userId: Id }),
  z.object({ type: z.literal('relay'), on: z.boolean() }),
  z.object({ type: z.literal('record'), on: z.boolean() }),
  z.object({ type: z.literal('end') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const LiveParticipant = z.object({
  userId: Id,
  displayName: z.string(),
  host: z.boolean(),
  feeds: z.object({ camera: z.string().optional(), screen: z.string().optional() }),
  audio: z.boolean(),
  video: z.boolean(),
  /** Position in the raised-hand queue (1 = first), or null. */
  hand: z.number().int().nullable(),
  quality: z.enum(['good', 'fair', 'poor']),
});
export type LiveParticipant = z.infer<typeof LiveParticipant>;

export const LiveState = z.object({
  me: z.object({ userId: Id, host: z.boolean(), status: z.enum(['lobby', 'in', 'viewer']) }),
  participants: z.array(LiveParticipant),
  /** Waiting in the lobby (shown to the host only). */
  lobby: z.array(z.object({ userId: Id, displayName: z.string() })),
  locked: z.boolean(),
  relay: z.object({ on: z.boolean(), viewers: z.number().int() }),
  recording: z.boolean(),
  speaker: Id.nullable(),
});
export type LiveState = z.infer<typeof LiveState>;

export const SubscribedStream = z.object({
  mid: z.string(),
  feed: z.string(),
  userId: Id,
  kind: z.enum(['audio', 'video']),
  source: Source,
});
export type SubscribedStream = z.infer<typeof SubscribedStream>;

export const ChatMessage = z.object({
  id: Id,
  userId: Id,
  displayName: z.string(),
  text: z.string(),
  at: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export type ServerMessage =
  | { type: 'state'; state: LiveState }
  | { type: 'answer'; target: Source; jsep: Jsep }
  /** `fresh`: a new subscription (a new Janus handle): drop the old connection before answering. */
  | { type: 'offer'; target: 'subscriber' | 'relay'; jsep: Jsep; fresh?: boolean }
  | { type: 'streams'; streams: SubscribedStream[] }
  | { type: 'talking'; userId: string; talking: boolean }
  | { type: 'chat'; message: ChatMessage }
  | { type: 'chatHistory'; messages: ChatMessage[] }
  | { type: 'reaction'; userId: string; reaction: Reaction }
  | { type: 'forceMute'; kind: 'audio' | 'video' }
  | { type: 'slowLink'; target: Target }
  | { type: 'closed'; reason: 'refused' | 'removed' | 'ended' | 'locked' | 'replaced' | 'relay_off' }
  | { type: 'error'; code: string; message: string };
