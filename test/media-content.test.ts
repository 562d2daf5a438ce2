/**
 * Issue #11 item 10: recordings are recognised by their content (not audio →
 * 415, nothing stored), and photo decoding has a pixel limit
 * (TRAQ_MAX_IMAGE_PIXELS; 422 above it, read from the header, nothing stored).
 */
import sharp from 'sharp';
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { tinyWav } from './helpers/audio.js';
import { refusedUnchanged } from './helpers/digest.js';
import { approvedDevice } from './helpers/factories.js';

t.test('recordings by content, photos by pixel count', async (t) => {
  const app = await startTestApp(t, { TRAQ_MAX_IMAGE_PIXELS: '10000' });
  const dev = await approvedDevice(app.pool);
  const job = await app.request('POST', '/v1/jobs', {
    key: dev.token,
    body: { job_name: 'n', job_address: 'a', job_phone: '1', contact_preference: 'text', billing_name: 'b', billing_address: 'a' },
  });
  const jobId = job.body.job_id as string;
  t.equal((await app.request('POST', `/v1/jobs/${jobId}/rounds`, { key: dev.token })).status, 200);
  const put = (kind: 'recordings' | 'images', id: string, bytes: Uint8Array, type: string) =>
    app.request('PUT', `/v1/jobs/${jobId}/sections/${kind === 'images' ? 'job_photos' : 'trunk'}/${kind}/${id}`, {
      key: dev.token,
      raw: new Uint8Array(bytes),
      headers: { 'content-type': type },
    });

  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#336699' } }).png().toBuffer();
  for (const [what, bytes] of [
    ['text', Buffer.from('not really audio, but bytes of text')],
    ['zeros', Buffer.alloc(4096)],
    ['a PNG', png],
  ] as const) {
    const res = await refusedUnchanged(t, app, () => put('recordings', 'rec_bad', bytes, 'audio/mp4'), 415);
    t.equal(res.body.code, 'recording_not_audio', `${what} under audio/mp4 is not a recording`);
  }
  t.equal((await put('recordings', 'rec_ok', tinyWav(), 'audio/wav')).status, 200, 'a real WAV is accepted');
  t.notOk((await app.store.list(`jobs/${jobId}`)).some((k) => k.includes('rec_bad')), 'no file for a refused recording');

  const big = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#336699' } }).png().toBuffer();
  const tooBig = await refusedUnchanged(t, app, () => put('images', 'img_big', big, 'image/png'), 422);
  t.same(tooBig.body, { detail: 'Image is 200 × 100 pixels, more than the limit of 10000 pixels', code: 'image_too_large' });
  t.equal((await put('images', 'img_ok', png, 'image/png')).status, 200, 'under the limit is fine');
  t.notOk((await app.store.list(`jobs/${jobId}`)).some((k) => k.includes('img_big')), 'no file for a refused photo');
});
