/**
 * The operator console in a real browser: the OS's Chromium (Debian package
 * `chromium`) driven by playwright-core. Signs in, approves a device, finds a
 * job, opens its review, plays a recording, downloads the final PDF, sees the
 * map's points, runs a retention dry run and signs out, with a screenshot of
 * every page in the folder printed at the start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';

const CHROMIUM = process.env.TRAQ_CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  const why = `browser tests need Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`;
  // On a developer machine without Chromium: skipped, saying why. In CI (.ci/run installs it) its absence fails.
  if (process.env.CI) throw new Error(why);
  t.plan(0, why);
  process.exit(0);
}

const { chromium } = await import('playwright-core');
const { TEST_ADMIN_KEY, startTestApp } = await import('./helpers/app.js');
const { approvedDevice, job: bareJob } = await import('./helpers/factories.js');
const { deviceJob, finalBody, must, photo, readyJob } = await import('./helpers/finals.js');
const { sampleJob } = await import('./helpers/samples.js');

/** One second of a 440 Hz tone as 8 kHz 16-bit mono PCM WAV: something Chromium really decodes. */
function wav(): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++) samples.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + samples.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(samples.length, 40);
  return Buffer.concat([h, samples]);
}

const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-console-screenshots-'));
t.comment(`console screenshots: ${shots}`);

// A few seconds on an idle machine; Chromium's start and stop are what a busy CI machine slows most.
t.setTimeout(300_000);
const app = await startTestApp(t, { TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '100000' });

// --- data: a pending phone, a finalized job with photos and a recording, a reviewed job, a bare job ---
await must('register', app.request('POST', '/v1/auth/register-device', { body: { device_id: 'pixel-ann', device_name: 'Ann’s Pixel 8', app_version: '2.4.0' } }));
const dev = await approvedDevice(app.pool, { deviceId: 'field-phone-1' });
const sample = sampleJob('J0001');
const { jobId, jobPk, jobNumber } = await deviceJob(app, dev);
const roundId = (await must('round', app.request('POST', `/v1/jobs/${jobId}/rounds`, { key: dev.token }))).body.round_id as string;
for (const [id, caption, colour] of [['img-1', 'Coast live oak from the street', '#336699'], ['img-2', 'Included bark at the main union', '#996633']] as const) {
  await must('photo', app.request('PUT', `/v1/jobs/${jobId}/sections/job_photos/images/${id}`, { key: dev.token, raw: new Uint8Array(await photo(colour)), headers: { 'content-type': 'image/jpeg' } }));
  await must('caption', app.request('PATCH', `/v1/jobs/${jobId}/sections/job_photos/images/${id}`, { key: dev.token, body: { caption } }));
}
await must('recording', app.request('PUT', `/v1/jobs/${jobId}/sections/site_factors/recordings/rec-site-1`, { key: dev.token, raw: new Uint8Array(wav()), headers: { 'content-type': 'audio/wav' } }));
await app.pool.query(`UPDATE round_recordings SET transcript_text = 'Open lawn, irrigated, sidewalk to the east.' WHERE recording_id = 'rec-site-1'`);
// The review is written as processing would write it (processing is not under test here).
const review = {
  round_id: roundId,
  server_revision_id: `rev_${roundId}`,
  section_transcripts: { site_factors: 'Open lawn, irrigated, sidewalk to the east.', trunk: 'Included bark at the main union, no cavity.' },
  draft_form: { schema_name: 'traq', schema_version: '1', data: sample.final.form.data },
  draft_narrative: 'A mature coast live oak in good health; the included bark union should be monitored.',
};
await app.pool.query(`UPDATE job_rounds SET status = 'REVIEW_RETURNED', server_revision_id = $3, review_payload = $4 WHERE job_id = $1 AND round_id = $2`, [jobPk, roundId, review.server_revision_id, JSON.stringify(review)]);
await app.pool.query(`UPDATE jobs SET status = 'REVIEW_RETURNED', latest_round_status = 'REVIEW_RETURNED' WHERE id = $1`, [jobPk]);
const final = await fetch(`${app.url}/v1/jobs/${jobId}/final`, {
  method: 'POST',
  headers: { 'x-api-key': dev.token, 'content-type': 'application/json' },
  body: JSON.stringify(finalBody(sample.final, roundId, 'cr-console-1')),
});
if (final.status !== 200) throw new Error(`final: ${final.status} ${await final.text()}`);

// A second job, reviewed but not final, a little way off and rated high; and one with no coordinates.
const second = await readyJob(app, { dev });
const highForm = structuredClone(sample.final.form.data);
highForm.client_tree_details.gps = { latitude: 38.6172, longitude: -121.2731 };
highForm.overall_tree_risk_rating = { section_id: 'overall_tree_risk_rating', rating: 'high' };
await app.pool.query(`UPDATE job_rounds SET review_payload = review_payload || $2::jsonb WHERE job_id = $1`, [second.jobPk, JSON.stringify({ draft_form: { schema_name: 'traq', schema_version: '1', data: highForm } })]);
await bareJob(app.pool, { assignTo: dev });

// --- the browser ---
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-console-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
t.teardown(async () => {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15_000);
const offsite: string[] = [];
page.on('request', (r) => {
  if (!r.url().startsWith(app.url) && !r.url().startsWith('data:')) offsite.push(r.url());
});
const consoleErrors: string[] = [];
page.on('console', (m) => {
  if (m.type() === 'error') consoleErrors.push(m.text());
});
page.on('dialog', (d) => void d.accept());
const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

t.test('sign in with the admin key; nothing of it reaches the page or script-readable storage', async (t) => {
  await page.goto(`${app.url}/console`);
  t.match(page.url(), /\/console\/sign-in$/, 'no session: the sign-in page');
  await shot('01-sign-in');
  await page.fill('#key', 'not-the-key-at-all-0000');
  await page.click('button[type=submit]');
  t.match(await page.textContent('.error'), /not the server admin key/);
  await page.fill('#key', TEST_ADMIN_KEY);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/console\/jobs$/);
  t.equal(await page.evaluate(() => document.cookie), '', 'the session cookie is HttpOnly');
  t.same(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], 'nothing stored for scripts');
  t.notOk((await page.content()).includes(TEST_ADMIN_KEY), 'the key is not in the page');
  const [cookie] = await context.cookies(`${app.url}/console/`);
  t.match(cookie, { name: 'traq_console', httpOnly: true, sameSite: 'Strict', path: '/console' });
});

t.test('devices: the pending phone first, approved with a role', async (t) => {
  await page.click('nav >> text=Devices');
  const first = page.locator('#devices tbody tr').first();
  t.equal(await first.getAttribute('data-device'), 'pixel-ann', 'pending first');
  await shot('02-devices');
  await first.locator('select[name=role]').selectOption('arborist');
  await first.locator('button', { hasText: 'Approve' }).click();
  await page.waitForURL(/done=approved/);
  t.match(await page.textContent('.flash'), /Device approved/);
  t.equal((await app.request('GET', '/v1/auth/device/pixel-ann/status')).body.status, 'approved', 'the API sees it');
  await page.locator('tr[data-device="pixel-ann"] button', { hasText: 'Issue token' }).click();
  const token = (await page.textContent('#issued-token'))!.trim();
  await shot('03-token-issued');
  t.equal((await app.request('GET', '/v1/jobs/assigned', { key: token })).status, 200, 'the token shown once works');
});

t.test('jobs: search finds the job; its page shows the review, plays the recording, downloads the final PDF', async (t) => {
  await page.click('nav >> text=Jobs');
  t.equal(await page.locator('#jobs tbody tr').count(), 3);
  await shot('04-jobs');
  await page.fill('input[name=q]', jobNumber.toLowerCase());
  await page.click('button:has-text("Find")');
  await page.waitForURL(/q=/);
  const rows = page.locator('#jobs tbody tr');
  t.equal(await rows.count(), 1, 'one match');
  t.equal(await rows.first().getAttribute('data-job'), jobNumber);
  await page.selectOption('select[name=status]', 'DRAFT'); // auto-submits
  await page.waitForURL(/status=DRAFT/);
  t.match(await page.textContent('#jobs tbody'), /No job matches/, 'the status filter applies');
  await page.selectOption('select[name=status]', 'ARCHIVED');
  await page.waitForURL(/status=ARCHIVED/);
  await page.click(`#jobs a:has-text("${jobNumber}")`);
  await page.waitForURL(new RegExp(`/console/jobs/${jobId}$`));

  t.ok(await page.locator('#review .form-section').count() > 2, 'form sections');
  t.match(await page.textContent('#narrative'), /mature coast live oak/);
  t.match(await page.textContent('#review'), /Included bark at the main union/, 'the transcripts');
  t.match(await page.textContent('#photos'), /Included bark at the main union/, 'photo captions');
  t.ok(await page.locator('#photos img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)), 'the photos load');
  t.match(await page.textContent('#timeline'), /Final generated/, 'the audit trail');

  const audio = await page.locator('#recordings audio').evaluate(async (el) => {
    const a = el as HTMLAudioElement;
    if (a.readyState < 1) await new Promise((resolve, reject) => { a.addEventListener('loadedmetadata', resolve); a.addEventListener('error', () => reject(new Error(`media error ${a.error?.code}`))); });
    a.muted = true;
    await a.play();
    // Playing is the media clock moving: wait for it. (A fixed pause could outlast the one-second clip on a
    // loaded machine; the ended clip then reads as paused.)
    await new Promise<void>((resolve) => {
      // (no named helper here: the bundler's name-keeping wrapper does not exist in the page)
      if (a.currentTime > 0) resolve();
      a.addEventListener('timeupdate', () => a.currentTime > 0 && resolve());
      a.addEventListener('ended', () => resolve());
      setTimeout(resolve, 30_000);
    });
    return { ready: a.readyState, duration: a.duration, position: a.currentTime };
  });
  t.ok(audio.ready >= 1, 'the audio element loads');
  t.ok(Math.abs(audio.duration - 1) < 0.05, `one second of audio (${audio.duration})`);
  t.ok(audio.position > 0, `and plays (its clock at ${audio.position} s)`);
  await shot('05-job');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-output="final-letterPdf"]')]);
  t.equal(download.suggestedFilename(), `${jobNumber}_final_report_letter.pdf`);
  const pdf = fs.readFileSync((await download.path())!);
  t.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'a PDF');
});

t.test('map: a point per job with coordinates, coloured by risk, with a popup linking to the job', async (t) => {
  await page.click('nav >> text=Map');
  await page.waitForSelector('#map[data-ready]');
  t.equal(await page.getAttribute('#map', 'data-ready'), '2', 'two of the three jobs have coordinates');
  t.equal(await page.locator('path.job-point').count(), 2, 'two points drawn');
  t.equal(await page.locator('path.risk-low').count(), 1);
  t.equal(await page.locator('path.risk-high').count(), 1);
  t.equal(await page.locator('path.risk-high').getAttribute('fill'), '#ea580c');
  await shot('06-map');
  await page.locator('path.risk-low').click();
  const link = page.locator('.leaflet-popup-content a');
  await link.waitFor();
  await page.waitForTimeout(300); // the popup fades in
  t.match(await link.textContent(), new RegExp(jobNumber));
  await shot('07-map-popup');
  await link.click();
  await page.waitForURL(new RegExp(`/console/jobs/${jobId}$`));
});

t.test('export and retention: the latest changes and a dry run', async (t) => {
  await page.click('nav >> text=Export');
  t.equal(await page.locator('#feed tbody tr').count(), 3, 'the three jobs changed this week');
  await page.click('button:has-text("Run a dry run")');
  t.match(await page.textContent('#prune-result'), /Dry run: 1 archived job\(s\) examined/);
  await shot('08-export');
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM round_recordings WHERE artifact_path IS NOT NULL`)).rows[0].n, 1, 'a dry run removes nothing');
});

t.test('sign out ends the session', async (t) => {
  await page.click('#sign-out');
  await page.waitForURL(/signed_out=1/);
  t.match(await page.textContent('.flash'), /signed out/);
  await shot('09-signed-out');
  await page.goto(`${app.url}/console/jobs`);
  t.match(page.url(), /\/console\/sign-in$/, 'the old cookie no longer opens a page');
  t.equal((await app.pool.query('SELECT count(*)::int AS n FROM console_sessions')).rows[0].n, 0, 'the session row is gone');
});

t.test('the browser fetched nothing from outside the server and logged no errors', async (t) => {
  t.same(offsite, [], 'no CDN, no tiles from the internet');
  t.same(consoleErrors.filter((e) => !/status of 401/.test(e)), [], 'no console errors (CSP included)');
});
