/**
 * Real (tiny) PCM WAV files for upload tests and benches: the server
 * recognises recordings by their content, so test audio must be audio.
 */
import { randomBytes } from 'node:crypto';

const RATE = 8000;

/** The 44-byte header of a 16-bit mono 8 kHz WAV file of `totalBytes` in all. */
export function wavHeader(totalBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(totalBytes - 8, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(totalBytes - 44, 40);
  return h;
}

/** A WAV file of exactly `totalBytes` (at least 46): random samples, or `fill` repeated. */
export function wavBytes(totalBytes: number, fill?: string): Buffer {
  const data = fill === undefined ? randomBytes(totalBytes - 44) : Buffer.alloc(totalBytes - 44, fill);
  return Buffer.concat([wavHeader(totalBytes), data]);
}

/** `ms` of silence as a WAV file, ready to send as a fetch body. */
export function tinyWav(ms = 100): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat([wavHeader(44 + Math.round((RATE * ms) / 1000) * 2), Buffer.alloc(Math.round((RATE * ms) / 1000) * 2)]));
}
