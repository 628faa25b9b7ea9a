import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The smallest Janus configuration CivicDesk needs, written into the data folder at start: the WebSocket API on
// one private address with an API secret, VideoRoom (string ids, admin key, rtp_forward locked), Streaming for
// the staff relay; the admin API, HTTP and every other transport and plugin off.

export type JanusConfigInput = {
  configDir: string;
  /** Address the API listens on; CivicDesk is its only client. */
  host: string;
  port: number;
  apiSecret: string;
  adminKey: string;
  /** Restrict ICE to these interfaces or addresses (comma-separated), e.g. a test's veth. */
  iceInterfaces?: string;
  /** The public address to announce where Janus sits behind 1:1 NAT. */
  publicIp?: string;
  /** UDP ports for ICE media. */
  rtpPortRange: string;
  /** UDP ports the relay's Streaming mountpoints receive forwarded RTP on (kept apart from ICE's). */
  streamingPortRange: string;
  recordingsDir: string;
  libDir?: string;
};

const lib = '/usr/lib/x86_64-linux-gnu/janus';
const disabledPlugins = [
  'voicemail',
  'recordplay',
  'sip',
  'nosip',
  'lua',
  'duktape',
  'textroom',
  'videocall',
  'echotest',
  'audiobridge',
].map((p) => `libjanus_${p}.so`);
const disabledTransports = ['http', 'mqtt', 'nanomsg', 'rabbitmq', 'pfunix'].map((t) => `libjanus_${t}.so`);

const q = (s: string) => JSON.stringify(s);

export function writeJanusConfig(c: JanusConfigInput): void {
  mkdirSync(c.configDir, { recursive: true });
  mkdirSync(c.recordingsDir, { recursive: true });
  const base = c.libDir ?? lib;
  const nat = [
    c.iceInterfaces ? `ice_enforce_list = ${q(c.iceInterfaces)}` : '',
    c.publicIp ? `nat_1_1_mapping = ${q(c.publicIp)}` : '',
    'ice_tcp = false',
  ].filter(Boolean);
  const files: Record<string, string> = {
    'janus.jcfg': `general: {
  configs_folder = ${q(c.configDir)}
  plugins_folder = ${q(`${base}/plugins`)}
  transports_folder = ${q(`${base}/transports`)}
  events_folder = ${q(`${base}/events`)}
  loggers_folder = ${q(`${base}/loggers`)}
  debug_level = 3
  api_secret = ${q(c.apiSecret)}
  session_timeout = 60
  server_name = "CivicDesk"
}
media: { rtp_port_range = ${q(c.rtpPortRange)} }
nat: { ${nat.join('\n  ')} }
plugins: { disable = ${q(disabledPlugins.join(','))} }
transports: { disable = ${q(disabledTransports.join(','))} }
events: { broadcast = false }
loggers: { disable = "libjanus_jsonlog.so" }
`,
    'janus.transport.websockets.jcfg': `general: { json = "compact" ws = true ws_port = ${c.port} ws_ip = ${q(c.host)} wss = false }
admin: { admin_ws = false admin_wss = false }
`,
    'janus.plugin.videoroom.jcfg': `general: { admin_key = ${q(c.adminKey)} lock_rtp_forward = true string_ids = true events = false }
`,
    'janus.plugin.streaming.jcfg': `general: { admin_key = ${q(c.adminKey)} rtp_port_range = ${q(c.streamingPortRange)} string_ids = true events = false }
`,
  };
  for (const [name, text] of Object.entries(files))
    writeFileSync(path.join(c.configDir, name), text, { mode: 0o600 });
}
