/**
 * Audio normalisation before transcription (api.md §4.7): with ffmpeg on the machine, every
 * recording is converted to 16 kHz mono 16-bit PCM WAV (phone AAC/M4A/3GP become uniform),
 * and a WAV longer than the provider's upload limit is cut into fixed windows whose
 * transcripts are joined in order, so a 40-minute walk-around still transcribes. When ffmpeg
 * cannot read a recording, the original bytes go as they are (as the old server did). The
 * work files live in a private temp folder removed after each recording.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_AUDIO_BYTES } from './openai.js';
import type { AudioInput, ProviderResult, Transcriber } from './types.js';

/** 16 kHz × 16-bit mono. */
const WAV_BYTES_PER_SECOND = 32_000;
/** A conversion gets this long per recording (40 minutes of AAC convert in a few seconds). */
const FFMPEG_TIMEOUT_MS = 120_000;

/**
 * The ffmpeg to use: TRAQ_FFMPEG_BIN (a path, or a name looked up on PATH), else `ffmpeg` on
 * PATH; null when there is none (recordings then go to the provider as uploaded).
 */
export function findFfmpeg(configured: string | undefined, envPath = process.env.PATH ?? ''): string | null {
  const name = configured ?? 'ffmpeg';
  const executable = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return executable(name) ? path.resolve(name) : null;
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    if (executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function ffmpeg(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(bin, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], { timeout: FFMPEG_TIMEOUT_MS }, (err, _stdout, stderr) =>
      err ? reject(new Error(stderr.trim().split('\n').at(-1) || err.message)) : resolve(),
    );
  });
}

export interface NormalizeOptions {
  /** The provider's upload limit in bytes (a longer WAV is split into windows below it). */
  maxUploadBytes?: number;
}

/** The recording as 16 kHz mono WAV pieces, each under the limit; null when ffmpeg cannot read it. */
async function toWavPieces(bin: string, dir: string, audio: AudioInput, maxBytes: number): Promise<Buffer[] | null> {
  const input = path.join(dir, `in${path.extname(audio.filename) || '.audio'}`);
  const wav = path.join(dir, 'norm16k.wav');
  await fsp.writeFile(input, audio.bytes);
  try {
    await ffmpeg(bin, ['-i', input, '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', '-f', 'wav', wav]);
  } catch {
    return null;
  }
  const size = (await fsp.stat(wav)).size;
  if (size <= maxBytes) return [await fsp.readFile(wav)];
  // Fixed windows a little under the limit (the WAV header and rounding stay inside it).
  const seconds = Math.max(1, Math.floor((maxBytes * 0.95) / WAV_BYTES_PER_SECOND));
  await ffmpeg(bin, ['-i', wav, '-f', 'segment', '-segment_time', String(seconds), '-c', 'copy', path.join(dir, 'part%04d.wav')]);
  const parts = (await fsp.readdir(dir)).filter((f) => /^part\d{4}\.wav$/.test(f)).sort();
  return Promise.all(parts.map((p) => fsp.readFile(path.join(dir, p))));
}

export function normalizingTranscriber(inner: Transcriber, bin: string, options: NormalizeOptions = {}): Transcriber {
  const maxBytes = options.maxUploadBytes ?? MAX_AUDIO_BYTES;
  return {
    async transcribe(audio: AudioInput): Promise<ProviderResult<string>> {
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'traq-audio-'));
      try {
        const pieces = await toWavPieces(bin, dir, audio, maxBytes).catch(() => null);
        if (!pieces) return inner.transcribe(audio);
        const base = audio.filename.replace(/\.[^.]*$/, '');
        if (pieces.length === 1) return inner.transcribe({ bytes: pieces[0]!, filename: `${base}.wav`, contentType: 'audio/wav' });
        const texts: string[] = [];
        let attempts = 0;
        for (const [i, bytes] of pieces.entries()) {
          const r = await inner.transcribe({ bytes, filename: `${base}.part${i + 1}.wav`, contentType: 'audio/wav' });
          attempts += r.attempts;
          if (!r.ok) return { ...r, attempts, message: `part ${i + 1} of ${pieces.length}: ${r.message}` };
          if (r.value.trim()) texts.push(r.value.trim());
        }
        return { ok: true, value: texts.join(' '), attempts };
      } finally {
        await fsp.rm(dir, { recursive: true, force: true });
      }
    },
  };
}
