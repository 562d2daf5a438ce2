/**
 * Audio normalisation before transcription: with ffmpeg, a phone recording reaches the (fake)
 * OpenAI server as 16 kHz mono WAV, a recording over the upload limit as several WAV windows
 * whose transcripts are joined in order, unreadable bytes as uploaded; without ffmpeg the bytes
 * go as they are. The audio is generated with ffmpeg (CI installs it, see .ci/run).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { createProviders, findFfmpeg, normalizingTranscriber } from '../src/providers/index.js';
import { openAIProviders } from '../src/providers/openai.js';
import { startFakeOpenAI } from './helpers/fake-openai.js';

const fake = await startFakeOpenAI({ t });
const config = loadConfig({ OPENAI_BASE_URL: fake.url, TRAQ_OPENAI_TRANSCRIBE_ATTEMPTS: '1' }).openai;
const ffmpeg = findFfmpeg(process.env.TRAQ_FFMPEG_BIN);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-audio-test-'));
t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `seconds` of a 440 Hz tone as 44.1 kHz stereo AAC in an M4A container, like a phone's. */
function phoneRecording(seconds: number): Buffer {
  const out = path.join(dir, `tone-${seconds}.m4a`);
  execFileSync(ffmpeg!, ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}:sample_rate=44100`, '-ac', '2', '-c:a', 'aac', '-b:a', '64k', out]);
  return fs.readFileSync(out);
}

t.test('findFfmpeg: TRAQ_FFMPEG_BIN as a path or a name on PATH; null when absent', async (t) => {
  t.equal(findFfmpeg('/nonexistent/ffmpeg'), null);
  t.equal(findFfmpeg(undefined, dir), null, 'no ffmpeg on this PATH');
  const fakeBin = path.join(dir, 'my-ffmpeg');
  fs.writeFileSync(fakeBin, '#!/bin/sh\n', { mode: 0o755 });
  t.equal(findFfmpeg('my-ffmpeg', `/nonexistent${path.delimiter}${dir}`), fakeBin, 'a name is looked up on PATH');
  t.equal(findFfmpeg(fakeBin), fakeBin, 'a path is used as is');
});

t.test('without ffmpeg the recording goes as uploaded', async (t) => {
  const bytes = Buffer.from('not really audio, but the provider decides');
  const r = await createProviders(config, { ffmpeg: null }).transcriber.transcribe({ bytes, filename: 'rec_0.m4a', contentType: 'audio/mp4' });
  t.ok(r.ok);
  t.match(fake.transcriptions().at(-1)!.file, { name: 'rec_0.m4a', type: 'audio/mp4', size: bytes.length });
});

t.test('with ffmpeg', { skip: ffmpeg ? false : 'ffmpeg is not installed here (apt-get install ffmpeg; .ci/run installs it)' }, async (t) => {
  t.test('a phone recording becomes 16 kHz mono PCM WAV', async (t) => {
    const m4a = phoneRecording(3);
    const transcriber = createProviders(config, { ffmpeg }).transcriber;
    const r = await transcriber.transcribe({ bytes: m4a, filename: 'rec_1.m4a', contentType: 'audio/mp4' });
    t.same(r, { ok: true, value: 'transcript of rec_1.wav', attempts: 1 });
    const sent = fake.transcriptions().at(-1)!.file!;
    t.match(sent, { name: 'rec_1.wav', type: 'audio/wav' });
    t.ok(Math.abs(sent.size - (44 + 3 * 32_000)) < 2_000, `3 s at 16 kHz × 16 bit mono is about 96 kB (got ${sent.size})`);
  });

  t.test('a recording over the upload limit is split into windows, transcripts joined in order', async (t) => {
    const m4a = phoneRecording(10);
    const limit = 120_000; // 3.75 s of 16 kHz mono WAV: windows of 3 s
    const inner = openAIProviders({ ...config, transcribePrompt: '', maxAudioBytes: limit }).transcriber;
    const before = fake.transcriptions().length;
    const r = await normalizingTranscriber(inner, ffmpeg!, { maxUploadBytes: limit }).transcribe({ bytes: m4a, filename: 'rec_2.m4a', contentType: 'audio/mp4' });
    const parts = fake.transcriptions().slice(before).map((q) => q.file!);
    t.equal(parts.length, 4, 'ten seconds in windows of three');
    t.same(parts.map((p) => p.name), ['rec_2.part1.wav', 'rec_2.part2.wav', 'rec_2.part3.wav', 'rec_2.part4.wav']);
    t.ok(parts.every((p) => p.size <= limit && p.type === 'audio/wav'), 'each window under the limit');
    t.same(r, { ok: true, value: parts.map((p) => `transcript of ${p.name}`).join(' '), attempts: 4 });

    fake.script((req) => (req.file?.name === 'rec_3.part2.wav' ? { status: 400, json: { error: { message: 'bad audio' } } } : undefined));
    const failed = await normalizingTranscriber(inner, ffmpeg!, { maxUploadBytes: limit }).transcribe({ bytes: m4a, filename: 'rec_3.m4a', contentType: 'audio/mp4' });
    fake.script(() => undefined);
    t.match(failed, { ok: false, kind: 'http', message: /^part 2 of 4: Transcription failed .*bad audio/ }, 'a failed window fails the recording, saying which');
  });

  t.test('bytes ffmpeg cannot read go as uploaded; no work files are left', async (t) => {
    const garbage = Buffer.from('RIFF----this is not a wave file at all');
    const tmpBefore = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('traq-audio-') && !f.startsWith('traq-audio-test-'));
    const r = await createProviders(config, { ffmpeg }).transcriber.transcribe({ bytes: garbage, filename: 'rec_4.wav', contentType: 'audio/wav' });
    t.ok(r.ok);
    t.match(fake.transcriptions().at(-1)!.file, { name: 'rec_4.wav', size: garbage.length });
    const tmpAfter = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('traq-audio-') && !f.startsWith('traq-audio-test-'));
    t.same(tmpAfter, tmpBefore, 'the temp folder is removed');
  });
});
