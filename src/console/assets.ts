/**
 * Static files of the console: its own CSS/JS (src/console/assets) and Leaflet
 * from the `leaflet` npm package, read once at startup and served from memory
 * with long-lived cache headers. URLs carry a content hash (`?v=`), so a new
 * release is fetched at once while a LAN browser otherwise never asks twice.
 * Nothing comes from a CDN: the console works on a LAN without internet.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context } from 'koa';
import { PACKAGE_ROOT } from '../version.js';

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

// From the checkout's root, not this module's folder: the server also runs as a bundle under dist/.
const here = path.join(PACKAGE_ROOT, 'src', 'console');
const leafletDist = path.dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.js'));

const SOURCES: Record<string, string> = {
  'console.css': path.join(here, 'assets', 'console.css'),
  'console.js': path.join(here, 'assets', 'console.js'),
  'map.js': path.join(here, 'assets', 'map.js'),
  'leaflet.js': path.join(leafletDist, 'leaflet.js'),
  'leaflet.css': path.join(leafletDist, 'leaflet.css'),
  // leaflet.css names these relative to itself.
  'images/layers.png': path.join(leafletDist, 'images', 'layers.png'),
  'images/layers-2x.png': path.join(leafletDist, 'images', 'layers-2x.png'),
  'images/marker-icon.png': path.join(leafletDist, 'images', 'marker-icon.png'),
  'images/marker-icon-2x.png': path.join(leafletDist, 'images', 'marker-icon-2x.png'),
  'images/marker-shadow.png': path.join(leafletDist, 'images', 'marker-shadow.png'),
};

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png' };

export class ConsoleAssets {
  private readonly files = new Map<string, Asset>();

  constructor() {
    for (const [name, file] of Object.entries(SOURCES)) {
      const body = fs.readFileSync(file);
      this.files.set(name, { body, type: TYPES[path.extname(name)]!, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) });
    }
  }

  /** The URL a page links: the name with its content hash. */
  url(name: string): string {
    const asset = this.files.get(name);
    if (!asset) throw new Error(`unknown console asset ${name}`);
    return `/console/assets/${name}?v=${asset.hash}`;
  }

  /** Answers GET /console/assets/<name>; false when there is no such asset. */
  serve(ctx: Context, name: string): boolean {
    const asset = this.files.get(name);
    if (!asset) return false;
    const etag = `"${asset.hash}"`;
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', ctx.query.v === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    ctx.set('X-Content-Type-Options', 'nosniff');
    if (ctx.get('if-none-match') === etag) {
      ctx.status = 304;
      return true;
    }
    ctx.type = asset.type;
    ctx.body = asset.body;
    return true;
  }
}
