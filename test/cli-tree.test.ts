/** `traq-admin tree identify` in both modes against a fake Pl@ntNet on 127.0.0.1. */
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { cli } from './helpers/cli.js';
import { startFakePlantNet } from './helpers/fake-plantnet.js';
import { sampleJob } from './helpers/samples.js';

// Each command is a child process (seconds each, tens of seconds on a loaded 2-core machine): more time than the default.
t.setTimeout(900_000);
const slow = { timeout: 600_000 };
const plantnet = await startFakePlantNet(t);
const plantnetEnv = { TRAQ_PLANTNET_API_KEY: 'cli-plantnet-key', TRAQ_PLANTNET_BASE_URL: plantnet.url };
const app = await startTestApp(t, plantnetEnv);
const [a, b] = sampleJob('J0003').images.map((i) => i.file);

t.test('remote mode posts the photos to the server, which asks Pl@ntNet', slow, async (t) => {
  const json = await cli(app, 'remote', ['tree', 'identify', '--image', a!, '--image', b!, '--organ', 'leaf', '--no-reject', '--json']);
  t.equal(json.code, 0, json.stderr);
  t.match(json.json, { bestMatch: 'Quercus agrifolia Née', matches: [{ scientific_name: 'Quercus agrifolia', family: 'Fagaceae' }, { scientific_name: 'Quercus ilex' }] });
  t.match(plantnet.requests.at(-1), { project: 'all', apiKey: 'cli-plantnet-key', organs: ['leaf', 'leaf'], fields: { 'no-reject': 'true' }, images: [{ type: 'image/jpeg' }, { type: 'image/jpeg' }] });
  const human = await cli(app, 'remote', ['tree', 'identify', '--image', a!, '--project', 'weurope', '--include-related-images']);
  t.equal(human.code, 0, human.stderr);
  t.match(human.stdout, /81\.2%\s+Quercus agrifolia\s+Coast live oak, California live oak\s+Fagaceae/);
  t.match(human.stdout, /remaining Pl@ntNet requests today: 487/);
  t.match(plantnet.requests.at(-1), { project: 'weurope', fields: { 'include-related-images': 'true' } });
  const bad = await cli(app, 'remote', ['tree', 'identify', '--image', a!, '--organ', 'root']);
  t.equal(bad.code, 2, 'a refused request is a usage error');
  t.match(bad.stderr, /Invalid organs: root/);
});

t.test('local mode calls Pl@ntNet itself with this machine\'s settings', slow, async (t) => {
  const calls = plantnet.requests.length;
  const ok = await cli(app, 'local', ['tree', 'identify', '--image', a!, '--organ', 'bark', '--json'], { env: plantnetEnv });
  t.equal(ok.code, 0, ok.stderr);
  t.match(ok.json, { matches: [{ scientific_name: 'Quercus agrifolia' }] });
  t.equal(plantnet.requests.length, calls + 1);
  t.same(plantnet.requests.at(-1)!.organs, ['bark']);
  const nokey = await cli(app, 'local', ['tree', 'identify', '--image', a!]);
  t.equal(nokey.code, 1);
  t.match(nokey.stderr, /TRAQ_PLANTNET_API_KEY is not set/);
  plantnet.script(() => ({ status: 429, json: { message: 'Too many requests' } }));
  const limited = await cli(app, 'local', ['tree', 'identify', '--image', a!], { env: plantnetEnv });
  t.equal(limited.code, 1);
  t.match(limited.stderr, /Pl@ntNet API error 429/);
  plantnet.script(() => undefined);
});
