import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { meetingRecordings } from '../meetings.tables.ts';

// Recording: Janus writes every publisher's streams as .mjr files while recording is on; afterwards janus-pp-rec
// (Debian's janus-tools) turns them into WebM/Opus without transcoding and ffmpeg lays the speakers out in one
// grid with their audio mixed, aligned on when each stream started. The file is kept under the data folder.

const run = promisify(execFile);

export type RecorderInput = {
  meeting: { id: string; agencyId: string };
  dataDir: string;
  recDir: string;
  enable(record: boolean): Promise<unknown>;
};

export const recordingPath = (dataDir: string, meetingId: string, id: string) =>
  path.join(dataDir, 'recordings', meetingId, `${id}.webm`);

// One processing job at a time: ffmpeg is heavy and meetings rarely end together.
let queue: Promise<unknown> = Promise.resolve();

export class Recorder {
  private constructor(
    private ctx: Ctx,
    private input: RecorderInput,
    readonly id: string,
    private startedAt: Date,
  ) {}

  static async start(ctx: Ctx, input: RecorderInput): Promise<Recorder> {
    const id = randomUUID();
    await mkdir(input.recDir, { recursive: true });
    await inTransaction(ctx, async (tx) => {
      await tx.db.insert(meetingRecordings).values({
        id,
        meetingId: input.meeting.id,
        status: 'processing',
        startedBy: ctx.actor!.userId,
        startedAt: tx.now,
      });
      await recordAudit(tx, {
        action: 'meetings.recording_started',
        entityType: 'video_meeting',
        entityId: input.meeting.id,
        agencyId: input.meeting.agencyId,
        detail: { recordingId: id },
      });
    });
    await input.enable(true);
    return new Recorder(ctx, input, id, ctx.now);
  }

  async stop(): Promise<void> {
    await this.input.enable(false).catch(() => {});
    const endedAt = new Date();
    await inTransaction({ ...this.ctx, now: endedAt }, async (tx) => {
      await tx.db.update(meetingRecordings).set({ endedAt }).where(eq(meetingRecordings.id, this.id));
      await recordAudit(tx, {
        action: 'meetings.recording_stopped',
        entityType: 'video_meeting',
        entityId: this.input.meeting.id,
        agencyId: this.input.meeting.agencyId,
        detail: { recordingId: this.id },
      });
    });
    // Janus closes the files when recording stops; give it a moment before reading them.
    queue = queue.then(() => new Promise((r) => setTimeout(r, 1000))).then(() => this.process());
  }

  private async process() {
    const out = recordingPath(this.input.dataDir, this.input.meeting.id, this.id);
    try {
      const tracks = await collectTracks(this.input.recDir, this.startedAt);
      if (tracks.length === 0) throw new Error('no media was recorded');
      await mkdir(path.dirname(out), { recursive: true });
      const work = path.join(path.dirname(out), `${this.id}.work`);
      await mkdir(work, { recursive: true });
      const inputs = await convert(tracks, work);
      await compose(inputs, out);
      await rm(work, { recursive: true, force: true });
      const info = await stat(out);
      const duration = await probeDuration(out);
      const sha256 = await hashFile(out);
      await this.finish({ status: 'ready', size: info.size, durationSeconds: duration, sha256 });
    } catch (err) {
      this.ctx.log.warn({ err: String(err), recordingId: this.id }, 'meetings: recording processing failed');
      await this.finish({
        status: 'failed',
        error: String(err instanceof Error ? err.message : err).slice(0, 500),
      });
    }
  }

  private finish(set: Partial<typeof meetingRecordings.$inferInsert>) {
    return inTransaction({ ...this.ctx, now: new Date() }, async (tx) => {
      await tx.db.update(meetingRecordings).set(set).where(eq(meetingRecordings.id, this.id));
      await recordAudit(tx, {
        action: set.status === 'ready' ? 'meetings.recording_ready' : 'meetings.recording_failed',
        entityType: 'video_meeting',
        entityId: this.input.meeting.id,
        agencyId: this.input.meeting.agencyId,
        detail: { recordingId: this.id, size: set.size ?? null, error: set.error ?? null },
      });
    });
  }
}

type Track = { feed: string; kind: 'audio' | 'video'; startedUs: number; file: string };

/** Janus names files videoroom-<room>-user-<feed>-<start µs>-<audio|video>-<mindex>.mjr. */
async function collectTracks(dir: string, since: Date): Promise<Track[]> {
  const pattern = /-user-(.+)-(\d{13,17})-(audio|video)-\d+\.mjr$/;
  const tracks: Track[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = pattern.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    if ((await stat(file)).mtimeMs < since.getTime() - 1000) continue;
    tracks.push({ feed: m[1]!, startedUs: Number(m[2]), kind: m[3] as 'audio' | 'video', file });
  }
  return tracks;
}

type Converted = { file: string; kind: 'audio' | 'video'; offset: number };

async function convert(tracks: Track[], work: string): Promise<Converted[]> {
  const t0 = Math.min(...tracks.map((t) => t.startedUs));
  const out: Converted[] = [];
  for (const [i, t] of tracks.entries()) {
    const file = path.join(work, `${i}.${t.kind === 'video' ? 'webm' : 'opus'}`);
    await run('janus-pp-rec', [t.file, file], { timeout: 600_000 });
    const size = (await stat(file).catch(() => null))?.size ?? 0;
    if (size > 0) out.push({ file, kind: t.kind, offset: (t.startedUs - t0) / 1e6 });
  }
  return out;
}

/** One WebM: the videos in a grid (one alone fills the frame), the audios mixed. */
async function compose(inputs: Converted[], out: string) {
  const args: string[] = ['-y', '-loglevel', 'error'];
  for (const i of inputs) args.push('-itsoffset', i.offset.toFixed(3), '-i', i.file);
  const videos = inputs.map((x, n) => ({ ...x, n })).filter((x) => x.kind === 'video');
  const audios = inputs.map((x, n) => ({ ...x, n })).filter((x) => x.kind === 'audio');
  const filters: string[] = [];
  const cols = Math.ceil(Math.sqrt(videos.length));
  const [w, h] = videos.length === 1 ? [640, 360] : [320, 180];
  for (const [k, v] of videos.entries())
    filters.push(
      `[${v.n}:v]scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1[v${k}]`,
    );
  if (videos.length > 1) {
    const layout = videos.map((_, k) => `${(k % cols) * w}_${Math.floor(k / cols) * h}`).join('|');
    filters.push(
      `${videos.map((_, k) => `[v${k}]`).join('')}xstack=inputs=${videos.length}:layout=${layout}:fill=black[vout]`,
    );
  } else if (videos.length === 1) filters.push('[v0]null[vout]');
  if (audios.length > 1)
    filters.push(
      `${audios.map((a) => `[${a.n}:a]`).join('')}amix=inputs=${audios.length}:duration=longest[aout]`,
    );
  else if (audios.length === 1) filters.push(`[${audios[0]!.n}:a]anull[aout]`);
  args.push('-filter_complex', filters.join(';'));
  if (videos.length)
    args.push('-map', '[vout]', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1M');
  if (audios.length) args.push('-map', '[aout]', '-c:a', 'libopus', '-b:a', '64k');
  args.push('-f', 'webm', out);
  await run('ffmpeg', args, { timeout: 3_600_000 });
}

async function probeDuration(file: string): Promise<number | null> {
  try {
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      file,
    ]);
    const seconds = Number.parseFloat(stdout.trim());
    return Number.isFinite(seconds) ? Math.round(seconds) : null;
  } catch {
    return null;
  }
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
