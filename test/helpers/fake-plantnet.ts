/**
 * A fake Pl@ntNet identify API on 127.0.0.1 (port 0): records each request (project, api-key,
 * multipart fields and image parts) and answers from a per-test script; unscripted requests get
 * a two-result answer shaped like Pl@ntNet's.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlantNetRequest {
  path: string;
  project: string;
  apiKey: string | null;
  organs: string[];
  fields: Record<string, string>;
  images: { name: string; type: string; size: number; sha: string }[];
}

export interface PlantNetReply {
  status?: number;
  json?: unknown;
  raw?: string;
  hang?: boolean;
}

export const PLANTNET_ANSWER = {
  query: { project: 'all', images: ['img1'], organs: ['leaf'], includeRelatedImages: false, noReject: false },
  predictedOrgans: [{ image: 'img1', filename: 'oak.jpg', organ: 'leaf', score: 0.9 }],
  language: 'en',
  preferedReferential: 'k-world-flora',
  bestMatch: 'Quercus agrifolia Née',
  results: [
    {
      score: 0.8123,
      species: {
        scientificNameWithoutAuthor: 'Quercus agrifolia',
        scientificNameAuthorship: 'Née',
        scientificName: 'Quercus agrifolia Née',
        genus: { scientificNameWithoutAuthor: 'Quercus', scientificName: 'Quercus' },
        family: { scientificNameWithoutAuthor: 'Fagaceae', scientificName: 'Fagaceae' },
        commonNames: ['Coast live oak', 'California live oak'],
      },
      gbif: { id: '2878688' },
    },
    {
      score: 0.0712,
      species: {
        scientificNameWithoutAuthor: 'Quercus ilex',
        scientificName: 'Quercus ilex L.',
        genus: { scientificNameWithoutAuthor: 'Quercus' },
        family: { scientificNameWithoutAuthor: 'Fagaceae' },
        commonNames: ['Holm oak'],
      },
    },
  ],
  version: '2025-01-17 (7.3)',
  remainingIdentificationRequests: 487,
};

export interface FakePlantNet {
  /** The base URL to configure (TRAQ_PLANTNET_BASE_URL). */
  url: string;
  requests: PlantNetRequest[];
  script(fn: (req: PlantNetRequest) => PlantNetReply | undefined): void;
  close(): Promise<void>;
}

export async function startFakePlantNet(t: { teardown(fn: () => unknown): void }): Promise<FakePlantNet> {
  let script: (req: PlantNetRequest) => PlantNetReply | undefined = () => undefined;
  const requests: PlantNetRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rec: PlantNetRequest = { path: url.pathname, project: decodeURIComponent(url.pathname.split('/').at(-1) ?? ''), apiKey: url.searchParams.get('api-key'), organs: [], fields: {}, images: [] };
    try {
      const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      for (const [k, v] of form.entries()) {
        if (typeof v !== 'string') {
          const bytes = Buffer.from(await v.arrayBuffer());
          rec.images.push({ name: (v as File).name, type: v.type, size: bytes.length, sha: createHash('sha256').update(bytes).digest('hex') });
        } else if (k === 'organs') rec.organs.push(v);
        else rec.fields[k] = v;
      }
    } catch {
      /* not multipart: recorded without fields */
    }
    requests.push(rec);
    const reply = script(rec) ?? (rec.path.startsWith('/v2/identify/') ? { json: PLANTNET_ANSWER } : { status: 404, json: { message: 'Not Found' } });
    if (reply.hang) return;
    const body = reply.raw ?? JSON.stringify(reply.json ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  t.teardown(close);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    script: (fn) => {
      script = fn;
    },
    close,
  };
}
