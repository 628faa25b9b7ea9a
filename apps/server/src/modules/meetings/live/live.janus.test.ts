import type { LiveState } from '@civicdesk/contracts/meetings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJanusNet, type JanusNet, janusAvailable } from '../../../../test/janus-netns.ts';
import { type Msg, openChannel } from '../../../../test/realtime.ts';
import { agencyIdByCode, createTestApp, signIn, type TestApp } from '../../../../test/test-app.ts';

// The live room against a real Janus (supervised child in a network namespace of the test's own): lobby and
// admission, chat and hands, moderator-only actions, forged messages, the lock, removal, the relay and the end.
// Media itself is exercised by the browser test (e2e/video-meeting.spec.ts).

const enabled = janusAvailable();
let net: JanusNet;
let t: TestApp;
let ls: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

async function live(who: string, meetingId: string, mode = 'meeting') {
  return openChannel(t.app, cookies[who], `/api/video-meetings/${meetingId}/live?mode=${mode}`);
}
const state = (m: Msg) => m.type === 'state';
const stateWith = (pred: (s: LiveState) => boolean) => (m: Msg) =>
  m.type === 'state' && pred(m.state as LiveState);

describe.runIf(enabled)('live meeting on Janus', () => {
  let meetingId: string;

  beforeAll(async () => {
    net = createJanusNet();
    t = await createTestApp({
      demo: true,
      config: {
        janus: {
          mode: 'auto',
          urls: [],
          bin: net.janusBin,
          host: net.innerIp,
          iceInterfaces: net.iface,
          rtpPortRange: '20000-20400',
          streamingPortRange: '21000-21100',
        },
      },
    });
    for (const who of ['chutich', 'chuyenvien', 'chuyenvien.kt', 'canbo.phuloc', 'jumugwan']) {
      cookies[who] = await signIn(t.app, who);
      ids[who] = (
        await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookies[who] } })
      ).json().id;
    }
    ls = await agencyIdByCode(t.app, cookies.chutich!, 'UBND-LS');
    for (let i = 0; i < 300; i++) {
      const s = await t.app.inject({
        method: 'GET',
        url: '/api/video/status',
        headers: { cookie: cookies.chutich! },
      });
      if (s.json().available) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/video-meetings',
      headers: { cookie: cookies.chutich! },
      payload: {
        agencyId: ls,
        title: 'Họp giao ban trực tuyến',
        startsAt: inHours(0),
        endsAt: inHours(1),
        invitees: [
          { kind: 'user', id: ids.chuyenvien },
          { kind: 'user', id: ids['chuyenvien.kt'] },
        ],
      },
    });
    meetingId = res.json().id;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    net?.dispose();
  });

  it('reports the media server as available', async () => {
    const s = await t.app.inject({
      method: 'GET',
      url: '/api/video/status',
      headers: { cookie: cookies.chutich! },
    });
    expect(s.json()).toEqual({ available: true, reason: null, instances: 1 });
  });

  it('admits from the lobby, relays chat and hands, keeps moderation for the host', async () => {
    const host = await live('chutich', meetingId);
    host.send({ type: 'join' });
    await host.next(stateWith((s) => s.me.host && s.me.status === 'in'));
    const guest = await live('chuyenvien', meetingId);
    guest.send({ type: 'join' });
    await guest.next(stateWith((s) => s.me.status === 'lobby'));
    await host.next(stateWith((s) => s.lobby.some((l: { userId: string }) => l.userId === ids.chuyenvien)));
    // Only the host admits; a forged or unknown message is refused and changes nothing.
    guest.send({ type: 'admit', userId: ids.chuyenvien });
    expect(await guest.next((m) => m.type === 'error')).toMatchObject({ code: 'meetings.not_in_meeting' });
    guest.clear();
    guest.send({ type: 'trickle', target: 'handle-4711', candidate: null });
    expect(await guest.next((m) => m.type === 'error')).toMatchObject({ code: 'meetings.bad_message' });
    host.send({ type: 'admit', userId: ids.chuyenvien });
    await guest.next(stateWith((s) => s.me.status === 'in' && s.participants.length === 2));

    guest.send({ type: 'chat', text: 'Xin chào' });
    expect(await host.next((m) => m.type === 'chat')).toMatchObject({
      message: { text: 'Xin chào', userId: ids.chuyenvien },
    });
    guest.send({ type: 'hand', raised: true });
    await host.next(stateWith((s) => s.participants.some((p: { hand: number | null }) => p.hand === 1)));
    guest.clear();
    guest.send({ type: 'mute', userId: ids.chutich, kind: 'audio' });
    expect(await guest.next((m) => m.type === 'error')).toMatchObject({ code: 'meetings.host_only' });

    // Locked: nobody new gets in, not even to the lobby.
    host.send({ type: 'lock', locked: true });
    await host.next(stateWith((s) => s.locked));
    const late = await live('chuyenvien.kt', meetingId);
    late.send({ type: 'join' });
    expect(await late.next((m) => m.type === 'closed')).toMatchObject({ reason: 'locked' });
    host.send({ type: 'lock', locked: false });

    // Removed: out, and not back in.
    host.send({ type: 'remove', userId: ids.chuyenvien });
    expect(await guest.next((m) => m.type === 'closed')).toMatchObject({ reason: 'removed' });
    const again = await live('chuyenvien', meetingId);
    again.send({ type: 'join' });
    expect(await again.next((m) => m.type === 'closed')).toMatchObject({ reason: 'removed' });
    host.ws.terminate();
  }, 60_000);

  it('refuses the uninvited and keeps relay viewers view-only', async () => {
    const outsider = await live('jumugwan', meetingId);
    expect(await outsider.next((m) => m.type === 'error')).toMatchObject({ code: 'error.not_found' });
    const staff = await live('canbo.phuloc', meetingId);
    expect(await staff.next((m) => m.type === 'error')).toMatchObject({ code: 'meetings.not_invited' });

    const host = await live('chutich', meetingId);
    host.send({ type: 'join' });
    await host.next(state);
    host.send({ type: 'relay', on: true });
    await host.next(stateWith((s) => s.relay.on));
    const viewer = await live('canbo.phuloc', meetingId, 'relay');
    viewer.send({ type: 'watch' });
    const offer = await viewer.next((m) => m.type === 'offer');
    expect(offer).toMatchObject({ target: 'relay', jsep: { type: 'offer' } });
    expect(String((offer.jsep as { sdp: string }).sdp)).toContain('m=video');
    await host.next(stateWith((s) => s.relay.viewers === 1));
    viewer.send({ type: 'chat', text: 'hello' });
    expect(await viewer.next((m) => m.type === 'error')).toMatchObject({ code: 'meetings.viewer_only' });

    // Ending closes everyone, the relay included, and is written down.
    host.send({ type: 'end' });
    expect(await viewer.next((m) => m.type === 'closed')).toMatchObject({ reason: 'relay_off' });
    expect(await host.next((m) => m.type === 'closed')).toMatchObject({ reason: 'ended' });
    // The end is written down once Janus has let go of the room.
    let meeting: Record<string, unknown> = {};
    for (let i = 0; i < 50 && meeting.status !== 'ended'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      meeting = (
        await t.app.inject({
          method: 'GET',
          url: `/api/video-meetings/${meetingId}`,
          headers: { cookie: cookies.chutich! },
        })
      ).json();
    }
    expect(meeting).toMatchObject({ status: 'ended', relayOn: false });
    const attendance = await t.app.inject({
      method: 'GET',
      url: `/api/video-meetings/${meetingId}/attendance`,
      headers: { cookie: cookies.chutich! },
    });
    const names = attendance.json().map((a: { userId: string }) => a.userId);
    expect(names).toContain(ids.chutich);
    expect(names).toContain(ids.chuyenvien);
    expect(attendance.json().every((a: { leftAt: string | null }) => a.leftAt)).toBe(true);
  }, 60_000);
});
