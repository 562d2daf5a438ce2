/**
 * POST /v1/trees/identify (api.md §2.11): photos of a tree in, Pl@ntNet's best matches out.
 * Multipart `images` (1-5 JPEG/PNG, each capped like a photo upload, held in memory only for
 * the call, never stored), `organs` (one, or one per image), `project`, `include_related_images`,
 * `no_reject`. No key configured → 503; Pl@ntNet failing or timing out → 502. No state changes.
 */
import { z } from 'zod';
import { checkImageType, identifyTree, IdentifyInputError, MAX_IDENTIFY_IMAGES, normalizeOrgans } from '../../providers/plantnet.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { readImageForm } from '../multipart-images.js';
import { problems } from '../../domain/problems.js';

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off', ''];

/** A form boolean as FastAPI reads it; absent → false. */
function flag(fields: Map<string, string[]>, name: string): boolean {
  const v = fields.get(name)?.at(-1)?.trim().toLowerCase();
  if (v === undefined || FALSE.includes(v)) return false;
  if (TRUE.includes(v)) return true;
  throw problems.identifyInput(`${name} must be true or false`);
}

const Match = z.object({ scientific_name: z.string(), common_names: z.array(z.string()), family: z.string().nullable(), genus: z.string().nullable(), score: z.number() });
const IdentifyResponse = z.object({
  query: z.record(z.string(), z.unknown()),
  predictedOrgans: z.array(z.unknown()),
  bestMatch: z.string(),
  results: z.array(z.unknown()).describe("Pl@ntNet's results, untouched"),
  otherResults: z.array(z.unknown()),
  version: z.string(),
  remainingIdentificationRequests: z.number().int(),
  matches: z.array(Match).describe('The results flattened, best first: scientific name, common names, family, genus, score'),
});

export function treeRoutes(api: Api, deps: AppDeps) {
  const { plantnet, maxImageBytes } = deps.config;
  api.route({
    method: 'post',
    path: '/v1/trees/identify',
    tag: 'trees',
    summary: 'Identify a tree species from 1-5 photos (multipart: images, organs, project, include_related_images, no_reject) via Pl@ntNet',
    auth: 'any',
    response: IdentifyResponse,
    handler: async (ctx) => {
      if (!plantnet.apiKey) throw problems.plantnetNotConfigured();
      const form = await readImageForm(ctx, {
        fileField: 'images',
        maxFiles: MAX_IDENTIFY_IMAGES,
        maxFileBytes: maxImageBytes,
        checkType: (type) => inputCheck(() => checkImageType(type)),
        tooManyFiles: () => problems.identifyInput(`Maximum ${MAX_IDENTIFY_IMAGES} images are allowed`),
        bad: (detail) => problems.identifyInput(detail),
      });
      if (!form.files.length) throw problems.identifyInput('images is required: send one to five photos as multipart parts named images');
      const empty = form.files.find((f) => f.bytes.length === 0);
      if (empty) throw problems.identifyInput(`Empty image payload: ${empty.filename}`);
      const organs = inputCheck(() => normalizeOrgans(form.fields.get('organs'), form.files.length));
      const result = await identifyTree(plantnet, {
        images: form.files.map((f) => ({ filename: f.filename, contentType: f.contentType, bytes: f.bytes })),
        organs,
        project: form.fields.get('project')?.at(-1),
        includeRelatedImages: flag(form.fields, 'include_related_images'),
        noReject: flag(form.fields, 'no_reject'),
      });
      if (!result.ok) throw result.kind === 'not_configured' ? problems.plantnetNotConfigured() : problems.plantnetFailed(result.message);
      deps.logger.info({ req_id: ctx.state.requestId, images: form.files.length, matches: result.value.matches.length }, 'tree identified');
      return result.value;
    },
  });
}

function inputCheck<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof IdentifyInputError ? problems.identifyInput(err.message) : err;
  }
}
