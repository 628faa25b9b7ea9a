import type { NetCount, PageStats } from './video-measure.ts';
import { mbps, round } from './video-measure.ts';

// The figures of bench/video.bench.ts's two windows and the extrapolation to one Janus instance and to the brief's
// target (an 80-person meeting plus 1,000 relay viewers). The assumptions are printed with the numbers.

export type Window = {
  seconds: number;
  /** CPU in cores (1 = one core busy) over the window. */
  cores: { janus: number; server: number; browser: number; viewers: number };
  janus: NetCount;
  pages: { before: PageStats; after: PageStats }[];
  /** Bytes and packets each relay viewer received in the window (RTP payload + 12-byte header). */
  relayBytes: number[];
  relayPackets: number[];
};
type Rate = { mbps: number; pps: number };

const budgetShare = 0.8; // run an instance up to 80 % of its CPU
const nicMbps = 1000; // assumed 1 Gbit/s network interface per instance, also used up to 80 %
const target = { participants: 80, tiles: 12, viewers: 1000 }; // desktop page of 12 tiles + the speaker
// Real cameras at 30 fps up to the client's simulcast caps (900/300/100 kbit/s), Opus at 20 ms: packets/s per
// stream. The fake camera on this loaded machine encodes far fewer frames, so the target is sized on these.
const nominal: Record<'h' | 'm' | 'l' | 'audio', Rate> = {
  h: { mbps: 0.9, pps: 100 },
  m: { mbps: 0.3, pps: 45 },
  l: { mbps: 0.1, pps: 30 },
  audio: { mbps: 0.04, pps: 50 },
};

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const per = (w: Window, bytes: number, packets: number): Rate => ({
  mbps: mbps(bytes, w.seconds * 1000),
  pps: round(packets / w.seconds, 1),
});

/** Per simulcast layer and audio, mean per publisher: all it sends (with padding) and media payload only. */
function publisherRates(w: Window) {
  const keys = [...new Set(w.pages.flatMap((p) => Object.keys(p.after.sent)))].sort();
  const d = (key: string, field: 'sent' | 'sentPackets' | 'sentPayload') =>
    avg(w.pages.map((p) => (p.after[field][key] ?? 0) - (p.before[field][key] ?? 0)));
  return Object.fromEntries(
    keys.map((k) => [
      k,
      {
        ...per(w, d(k, 'sent'), d(k, 'sentPackets')),
        payloadMbps: mbps(d(k, 'sentPayload'), w.seconds * 1000),
        sends: w.pages[0]?.after.layers[k] ?? '',
      },
    ]),
  );
}

/** What subscribers receive per forwarded stream, by what it is (video by frame height, audio). */
function forwardedRates(w: Window): Record<string, Rate & { streams: number }> {
  const groups = new Map<string, { bytes: number; packets: number; streams: number }>();
  for (const { before, after } of w.pages)
    for (const [mid, s] of Object.entries(after.inbound)) {
      const b = before.inbound[mid];
      if (!b || s.packets === b.packets) continue;
      const key = s.kind === 'audio' ? 'audio' : `video ${s.height}p`;
      const g = groups.get(key) ?? { bytes: 0, packets: 0, streams: 0 };
      groups.set(key, {
        bytes: g.bytes + s.bytes - b.bytes,
        packets: g.packets + s.packets - b.packets,
        streams: g.streams + 1,
      });
    }
  return Object.fromEntries(
    [...groups].map(([k, g]) => [
      k,
      { ...per(w, g.bytes / g.streams, g.packets / g.streams), streams: g.streams },
    ]),
  );
}

function windowSummary(w: Window) {
  const ms = w.seconds * 1000;
  const pct = (cores: number) => round(cores * 100, 1);
  return {
    seconds: round(w.seconds, 1),
    cpuPercentOfOneCore: {
      janus: pct(w.cores.janus),
      civicdeskServerAndBenchDriver: pct(w.cores.server),
      chromium: pct(w.cores.browser),
      relayViewersProcess: pct(w.cores.viewers),
    },
    janus: {
      ingressMbps: mbps(w.janus.rx, ms),
      egressMbps: mbps(w.janus.tx, ms),
      ingressPps: Math.round(w.janus.rxPackets / w.seconds),
      egressPps: Math.round(w.janus.txPackets / w.seconds),
    },
    forwardedVideoStreams: w.pages.reduce((s, p) => s + p.after.videoIn, 0),
    forwardedAudioStreams: w.pages.reduce((s, p) => s + p.after.audioIn, 0),
    forwardedPerStream: forwardedRates(w),
    publisherOutMbps: w.pages.map((p) =>
      mbps(
        Object.keys(p.after.sent).reduce((s, k) => s + p.after.sent[k]! - (p.before.sent[k] ?? 0), 0),
        ms,
      ),
    ),
    subscriberInMbps: w.pages.map((p) => ({
      video: mbps(p.after.recv.video - p.before.recv.video, ms),
      audio: mbps(p.after.recv.audio - p.before.recv.audio, ms),
    })),
    relayViewerIn: w.relayBytes.map((b, i) => per(w, b, w.relayPackets[i] ?? 0)),
  };
}

/** The room of the target on one Janus instance, sized by packets handled (in + out) at nominal rates. */
function targetRoom(perKpps: number) {
  const { participants: n, tiles } = target;
  const r = nominal;
  // Each participant receives the speaker at the top layer and a page of tiles at the lowest, with their audio.
  const egressPps = n * (tiles * r.l.pps + r.h.pps + (tiles + 1) * r.audio.pps);
  const ingressPps = n * (r.h.pps + r.m.pps + r.l.pps + r.audio.pps);
  const egressMbps = n * (tiles * r.l.mbps + r.h.mbps + (tiles + 1) * r.audio.mbps);
  const cpuPct = (perKpps * (egressPps + ingressPps)) / 1000;
  return { ingressPps, egressPps, egressMbps: round(egressMbps, 1), cpuPercentOfCore: Math.round(cpuPct) };
}

/** Janus capacity on this machine and the machines the target needs. */
function extrapolate(meeting: Window, relay: Window, viewers: number) {
  const cores = 2; // the node-svc machine; os.cpus() is reported beside
  const budget = budgetShare * cores * 100; // % of one core
  const m = windowSummary(meeting);
  const perStream = m.cpuPercentOfOneCore.janus / Math.max(1, m.forwardedVideoStreams);
  const kpps = (meeting.janus.rxPackets + meeting.janus.txPackets) / meeting.seconds / 1000;
  const perKpps = m.cpuPercentOfOneCore.janus / Math.max(0.001, kpps);
  const perViewer = Math.max(0.01, ((relay.cores.janus - meeting.cores.janus) * 100) / Math.max(1, viewers));
  const viewerIn = windowSummary(relay).relayViewerIn;
  const viewerPps = Math.max(1, avg(viewerIn.map((v) => v.pps)));
  // A relay viewer gets the speaker's top layer and audio; its cost scales with packets from measured to nominal.
  const nominalViewer = { pps: nominal.h.pps + nominal.audio.pps, mbps: nominal.h.mbps + nominal.audio.mbps };
  const perViewerNominal = (perViewer * nominalViewer.pps) / viewerPps;
  const viewersByCpu = Math.floor(budget / perViewerNominal);
  const viewersByNic = Math.floor((nicMbps * budgetShare) / nominalViewer.mbps);
  const viewersPerEdge = Math.max(1, Math.min(viewersByCpu, viewersByNic));
  const room = targetRoom(perKpps);
  const roomCores = Math.ceil(room.cpuPercentOfCore / 100 / budgetShare);
  const edges = Math.ceil(target.viewers / viewersPerEdge);
  return {
    assumptions: [
      `instances run to ${budgetShare * 100} % of CPU (${budget} % of one core on ${cores} cores) and of a ${nicMbps} Mbit/s NIC`,
      'Janus CPU scales with packets handled (in + out): its cost per 1,000 packets/s is measured in the meeting window',
      `sizing uses nominal streams (30 fps camera, client caps 900/300/100 kbit/s, Opus 20 ms): ${Object.entries(
        nominal,
      )
        .map(([k, v]) => `${k} ${v.pps} pkt/s ${v.mbps} Mbit/s`)
        .join(', ')}`,
      `target room: ${target.participants} participants all publishing camera + microphone; each receives ${target.tiles} tiles at the low layer + the speaker at the top layer and those ${target.tiles + 1} microphones (muted microphones still send packets)`,
      `relay: ${target.viewers} viewers (speaker top layer + audio) spread over Streaming mountpoints on edge instances (relay.ts), each edge fed by one RTP forward; the room instance is kept out of the relay; per-viewer cost scaled by packets from measured to nominal`,
      'a VideoRoom lives on one Janus instance: the room takes one machine sized to it; edges are 2-core machines like this one',
    ],
    janusPerVideoStreamPercentOfCore: round(perStream, 2),
    janusPerKppsPercentOfCore: round(perKpps, 2),
    janusPerRelayViewerPercentOfCore: round(perViewer, 3),
    janusPerRelayViewerNominalPercentOfCore: round(perViewerNominal, 3),
    relayViewerMeasured: { mbps: round(avg(viewerIn.map((v) => v.mbps)), 3), pps: round(viewerPps, 1) },
    publisherLayers: publisherRates(meeting),
    oneInstance: {
      forwardedVideoStreamsAsMeasured: Math.floor(budget / perStream),
      kppsHandled: round(budget / perKpps, 1),
      relayViewers: viewersPerEdge,
      relayViewersByCpu: viewersByCpu,
      relayViewersByNic: viewersByNic,
    },
    target: {
      room,
      roomByStreamCountPercentOfCore: Math.round(perStream * target.participants * (target.tiles + 1)),
      roomCoresNeeded: roomCores,
      roomMachineCores: Math.max(cores, roomCores),
      edgeInstances: edges,
      machines: 1 + edges,
    },
  };
}

export function windowFigures(input: {
  publishers: number;
  viewers: number;
  connected: number;
  meetingOnly: Window;
  withRelay: Window;
}) {
  const figures = {
    publishers: input.publishers,
    relayViewers: input.viewers,
    relayViewersReceiving: input.connected,
    meetingOnly: windowSummary(input.meetingOnly),
    withRelay: windowSummary(input.withRelay),
    extrapolation: extrapolate(input.meetingOnly, input.withRelay, input.connected),
  };
  print(figures);
  return figures;
}

function print(f: ReturnType<typeof windowFigures>) {
  const x = f.extrapolation;
  console.log(
    `\nVideo meetings on Janus: ${f.publishers} publishers, ${f.relayViewersReceiving}/${f.relayViewers} relay viewers`,
  );
  console.table({ 'meeting only': flat(f.meetingOnly), 'meeting + relay': flat(f.withRelay) });
  console.log('publisher layers (mean per publisher; mbps and pps include padding and retransmissions):');
  console.table(x.publisherLayers);
  console.log('forwarded streams as subscribers receive them (mean per stream, meeting window):');
  console.table(f.meetingOnly.forwardedPerStream);
  console.log(
    `Janus per forwarded video stream: ${x.janusPerVideoStreamPercentOfCore} % of a core (with its audio)`,
  );
  console.log(`Janus per 1,000 packets/s handled: ${x.janusPerKppsPercentOfCore} % of a core`);
  const v = x.relayViewerMeasured;
  console.log(
    `Janus per relay viewer: ${x.janusPerRelayViewerPercentOfCore} % of a core as measured (${v.mbps} Mbit/s, ${v.pps} pkt/s each), ` +
      `${x.janusPerRelayViewerNominalPercentOfCore} % at nominal rates`,
  );
  const o = x.oneInstance;
  console.log(
    `One 2-core instance at 80 %: ~${o.forwardedVideoStreamsAsMeasured} forwarded video streams as measured (with their audio), ` +
      `~${o.kppsHandled}k packets/s, ~${o.relayViewers} relay viewers at nominal rates (CPU ${o.relayViewersByCpu}, NIC ${o.relayViewersByNic})`,
  );
  const t = x.target;
  const fit =
    t.roomCoresNeeded <= 2 ? 'fits one 2-core instance' : `one ${t.roomMachineCores}-core room machine`;
  console.log(
    `Target (80 in the room, 1,000 on the relay): room ${t.room.ingressPps + t.room.egressPps} packets/s, ${t.room.egressMbps} Mbit/s out, ` +
      `${t.room.cpuPercentOfCore} % of a core (by stream count as measured: ${t.roomByStreamCountPercentOfCore} %) → ` +
      `${t.roomCoresNeeded} cores at 80 % (${fit}); ${t.edgeInstances} 2-core edge instance(s) for the relay; ${t.machines} machines in all`,
  );
  console.log('assumptions:');
  for (const a of x.assumptions) console.log(`  - ${a}`);
}

function flat(w: ReturnType<typeof windowSummary>) {
  return {
    'janus %': w.cpuPercentOfOneCore.janus,
    'server %': w.cpuPercentOfOneCore.civicdeskServerAndBenchDriver,
    'chromium %': w.cpuPercentOfOneCore.chromium,
    'viewers %': w.cpuPercentOfOneCore.relayViewersProcess,
    'janus in Mbit/s': w.janus.ingressMbps,
    'janus out Mbit/s': w.janus.egressMbps,
    'video streams': w.forwardedVideoStreams,
    'pub out Mbit/s': round(avg(w.publisherOutMbps), 3),
    'sub in Mbit/s': round(avg(w.subscriberInMbps.map((s) => s.video + s.audio)), 3),
    'viewer in Mbit/s': round(avg(w.relayViewerIn.map((v) => v.mbps)), 3),
  };
}
