import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChannel } from '../../../test/realtime.ts';
import {
  agencyIdByCode,
  createTestApp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';

// Scheduling video meetings through the API: invitations and who sees what, bad input, host-only changes,
// cancelling, the booked room, the committee's video room and the live channel's refusals (no Janus here).

let t: TestApp;
let host: string;
let official: string;
let kt: string;
let commune: string;
let korean: string;
let ls: string;

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload?: object, lang = 'en') =>
  t.app.inject({ method: 'POST', url, headers: { cookie, 'accept-language': lang }, payload });

async function userId(cookie: string) {
  return (await get('/api/me', cookie)).json().id as string;
}

async function unitId(code: string) {
  const units = (await get(`/api/agencies/${ls}/units`, host)).json() as { id: string; code: string }[];
  return units.find((u) => u.code === code)!.id;
}

beforeAll(async () => {
  t = await createTestApp({ demo: 'committees' });
  host = await signIn(t.app, 'chutich');
  official = await signIn(t.app, 'chuyenvien');
  kt = await signIn(t.app, 'chuyenvien.kt');
  commune = await signIn(t.app, 'canbo.phuloc');
  korean = await signIn(t.app, 'jumugwan');
  ls = await agencyIdByCode(t.app, host, 'UBND-LS');
});
afterAll(() => t?.close());

describe('video meetings', () => {
  let meetingId: string;

  it('says plainly when video is off', async () => {
    expect((await get('/api/video/status', official)).json()).toEqual({
      available: false,
      reason: 'disabled',
      instances: 0,
    });
  });

  it('says that video needs the janus package where it is not installed', async () => {
    const janus = { mode: 'auto' as const, urls: [], bin: '/nonexistent/janus', host: '127.0.0.1' };
    const bare = await createTestApp({
      demo: true,
      config: { janus: { ...janus, rtpPortRange: '20000-20100', streamingPortRange: '21000-21100' } },
    });
    try {
      const cookie = await signIn(bare.app, 'chuyenvien');
      const res = await bare.app.inject({ method: 'GET', url: '/api/video/status', headers: { cookie } });
      expect(res.json()).toEqual({ available: false, reason: 'no_janus', instances: 0 });
    } finally {
      await bare.close();
    }
  });

  it('schedules a meeting with people and a unit invited; each sees what they may', async () => {
    const res = await post('/api/video-meetings', host, {
      agencyId: ls,
      title: 'Giao ban tuần',
      startsAt: inHours(1),
      endsAt: inHours(2),
      invitees: [
        { kind: 'user', id: await userId(official) },
        { kind: 'unit', id: await unitId('KT') },
      ],
    });
    expect(res.statusCode).toBe(201);
    meetingId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'scheduled', lobby: true, me: { host: true } });
    expect(
      res
        .json()
        .invitees.map((i: { kind: string }) => i.kind)
        .sort(),
    ).toEqual(['unit', 'user']);

    const listed = (await get('/api/video-meetings?when=upcoming', official)).json();
    expect(listed.map((m: { id: string }) => m.id)).toContain(meetingId);
    expect((await get(`/api/video-meetings/${meetingId}`, kt)).json().me).toEqual({
      host: false,
      invited: true,
      canWatchRelay: true,
    });
    // Staff of a commune below the province may watch its relay, not join, and do not see the guest list.
    const seen = (await get(`/api/video-meetings/${meetingId}`, commune)).json();
    expect(seen.me).toEqual({ host: false, invited: false, canWatchRelay: true });
    expect(seen.invitees).toEqual([]);
    expect((await get(`/api/video-meetings/${meetingId}`, korean)).statusCode).toBe(404);
    // The invited were told.
    const notes = (await get('/api/notifications', kt)).json();
    expect(JSON.stringify(notes)).toContain('meetings.invited');
  });

  it('refuses bad input in the caller’s language and changes nothing', async () => {
    const before = (await get('/api/video-meetings?when=upcoming', host)).json().length;
    const order = await post(
      '/api/video-meetings',
      host,
      { agencyId: ls, title: 'X', startsAt: inHours(2), endsAt: inHours(1) },
      'vi',
    );
    expect(order.statusCode).toBe(400);
    const foreign = await post(
      '/api/video-meetings',
      host,
      {
        agencyId: ls,
        title: 'X',
        startsAt: inHours(1),
        endsAt: inHours(2),
        invitees: [{ kind: 'user', id: await userId(korean) }],
      },
      'vi',
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('không hợp lệ');
    const notStaff = await post('/api/video-meetings', korean, {
      agencyId: ls,
      title: 'X',
      startsAt: inHours(1),
      endsAt: inHours(2),
    });
    expect(notStaff.statusCode).toBe(403);
    expect((await get('/api/video-meetings?when=upcoming', host)).json().length).toBe(before);
  });

  it('lets only the host change or cancel, once', async () => {
    const patch = (cookie: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/video-meetings/${meetingId}`,
        headers: { cookie },
        payload: { title: 'Giao ban' },
      });
    expect((await patch(official)).statusCode).toBe(403);
    expect((await patch(host)).json().title).toBe('Giao ban');
    expect((await post(`/api/video-meetings/${meetingId}/cancel`, official)).statusCode).toBe(403);
    expect((await post(`/api/video-meetings/${meetingId}/cancel`, host)).json().status).toBe('cancelled');
    expect((await post(`/api/video-meetings/${meetingId}/cancel`, host)).statusCode).toBe(409);
    const audit = (
      await get(`/api/audit?entityId=${meetingId}`, (await signInEnrolled(t.app, 'admin')).cookie)
    ).json();
    const actions = JSON.stringify(audit);
    for (const a of ['meetings.scheduled', 'meetings.updated', 'meetings.cancelled'])
      expect(actions).toContain(a);
  });

  it('books a video-conference room with the meeting, and never twice', async () => {
    const { cookie: admin } = await signInEnrolled(t.app, 'quantri');
    const room = (
      await post('/api/rooms/resources', admin, {
        agencyId: ls,
        kind: 'vc_room',
        name: 'Phòng họp trực tuyến',
        location: 'Tầng 3',
        capacity: 40,
      })
    ).json() as { id: string };
    expect(room.id).toBeTruthy();
    const at = { startsAt: inHours(30), endsAt: inHours(31) };
    const first = await post('/api/video-meetings', host, {
      agencyId: ls,
      title: 'Họp A',
      resourceId: room.id,
      ...at,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().bookingId).toBeTruthy();
    const before = (await get('/api/video-meetings?when=upcoming', host)).json().length;
    const clash = await post('/api/video-meetings', host, {
      agencyId: ls,
      title: 'Họp B',
      resourceId: room.id,
      ...at,
    });
    expect(clash.statusCode).toBe(409);
    expect((await get('/api/video-meetings?when=upcoming', host)).json().length).toBe(before);
    // Cancelling the meeting frees the room.
    await post(`/api/video-meetings/${first.json().id}/cancel`, host);
    expect(
      (await post('/api/video-meetings', host, { agencyId: ls, title: 'Họp B', resourceId: room.id, ...at }))
        .statusCode,
    ).toBe(201);
  });

  it('opens the video room of an online committee meeting for its members only', async () => {
    const secretary = await signIn(t.app, 'thuky');
    const committees = (await get('/api/committees', secretary)).json() as { id: string }[];
    const detail = (await get(`/api/committees/${committees[0]!.id}/meetings`, secretary)).json() as {
      id: string;
      mode: string;
    }[];
    const online = detail.find((m) => m.mode === 'online')!;
    const opened = await post(`/api/committee-meetings/${online.id}/video`, secretary);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ committeeMeetingId: online.id, me: { host: true } });
    // The committee meeting leads to it (recordings and attendance).
    const cm = await get(`/api/meetings/${online.id}`, secretary);
    expect(cm.json().videoMeetingId).toBe(opened.json().id);
    // A committee member is invited through the committee; the same room comes back.
    const member = await signIn(t.app, 'chuyenvien.kt');
    const again = await post(`/api/committee-meetings/${online.id}/video`, member);
    expect(again.json()).toMatchObject({ id: opened.json().id, me: { invited: true } });
    expect((await post(`/api/committee-meetings/${online.id}/video`, korean)).statusCode).toBe(404);
  });

  it('refuses the live channel to the uninvited and says when video is unavailable', async () => {
    const res = await post('/api/video-meetings', host, {
      agencyId: ls,
      title: 'Live',
      startsAt: inHours(0),
      endsAt: inHours(1),
    });
    const id = res.json().id as string;
    const outsider = await openChannel(t.app, korean, `/api/video-meetings/${id}/live`);
    expect(await outsider.next((m) => m.type === 'error')).toMatchObject({ code: 'error.not_found' });
    const viewer = await openChannel(t.app, commune, `/api/video-meetings/${id}/live`);
    expect(await viewer.next((m) => m.type === 'error')).toMatchObject({ code: 'meetings.not_invited' });
    const me = await openChannel(t.app, host, `/api/video-meetings/${id}/live`);
    expect(await me.next((m) => m.type === 'error')).toMatchObject({ code: 'meetings.video_unavailable' });
    for (const c of [outsider, viewer, me]) c.ws.terminate();
  });
});
