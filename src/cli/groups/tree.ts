/**
 * `traq-admin tree identify` (data-model §9): a tree's species from 1-5 photos via Pl@ntNet.
 * Remote mode posts the photos to the server's /v1/trees/identify; local mode calls Pl@ntNet
 * itself with this machine's TRAQ_PLANTNET_* settings (no database needed).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.js';
import { identifyTree, IdentifyInputError, IDENTIFY_ORGANS, MAX_IDENTIFY_IMAGES, type IdentifyAnswer, type IdentifyImage } from '../../providers/plantnet.js';
import { CliError, usageError } from '../errors.js';
import { printLine, printTable, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

interface IdentifyOptions {
  image: string[];
  organ: string[];
  project?: string;
  includeRelatedImages?: boolean;
  noReject?: boolean;
}

const TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };
const collect = (value: string, previous: string[] = []) => [...previous, value];

async function readImages(files: string[]): Promise<IdentifyImage[]> {
  if (files.length > MAX_IDENTIFY_IMAGES) throw usageError(`Maximum ${MAX_IDENTIFY_IMAGES} images are allowed`);
  return Promise.all(
    files.map(async (file) => {
      const contentType = TYPES[path.extname(file).toLowerCase()];
      if (!contentType) throw usageError(`${file}: only .jpg, .jpeg and .png photos can be identified`);
      const bytes = await fsp.readFile(file).catch((err: Error) => {
        throw new CliError(`Cannot read ${file}: ${err.message}`);
      });
      return { filename: path.basename(file), contentType, bytes };
    }),
  );
}

async function identifyLocal(images: IdentifyImage[], o: IdentifyOptions): Promise<IdentifyAnswer> {
  const { plantnet } = loadConfig({ ...process.env, TRAQ_ENV: 'development' });
  try {
    const r = await identifyTree(plantnet, { images, organs: o.organ, project: o.project, includeRelatedImages: o.includeRelatedImages, noReject: o.noReject });
    if (r.ok) return r.value;
    throw new CliError(r.kind === 'not_configured' ? 'TRAQ_PLANTNET_API_KEY is not set (local mode calls Pl@ntNet from this machine)' : r.message);
  } catch (err) {
    throw err instanceof IdentifyInputError ? usageError(err.message) : err;
  }
}

export const treeGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .command('identify')
      .description(`Best species matches for 1-${MAX_IDENTIFY_IMAGES} photos of one tree`)
      .requiredOption('--image <file>', 'a JPEG or PNG photo (repeat for up to 5)', collect)
      .addOption(new Option('--organ <organ>', `what each photo shows (${IDENTIFY_ORGANS.join(', ')}): once for all, or once per image`).argParser(collect).default([]))
      .option('--project <project>', 'Pl@ntNet flora project (default: the server\'s, "all")')
      .option('--include-related-images', 'ask Pl@ntNet for reference images of each match')
      .option('--no-reject', 'do not let Pl@ntNet reject photos that are not plants')
      .action(async (o: IdentifyOptions & { reject?: boolean }) => {
        // commander spells --no-reject as reject=false
        const options = { ...o, noReject: o.reject === false };
        const images = await readImages(o.image);
        let reply: IdentifyAnswer;
        if (rt.mode === 'local') reply = await identifyLocal(images, options);
        else {
          const form = new FormData();
          for (const img of images) form.append('images', new Blob([img.bytes as Uint8Array<ArrayBuffer>], { type: img.contentType }), img.filename);
          for (const organ of o.organ) form.append('organs', organ);
          if (o.project) form.append('project', o.project);
          if (o.includeRelatedImages) form.append('include_related_images', 'true');
          if (options.noReject) form.append('no_reject', 'true');
          reply = await rt.remote().json<IdentifyAnswer>('POST', '/v1/trees/identify', form);
        }
        show(rt.json, reply, () => {
          printTable(
            (reply.matches ?? []).slice(0, 5).map((m) => ({ score: `${(m.score * 100).toFixed(1)}%`, species: m.scientific_name, common_names: m.common_names.join(', '), family: m.family })),
            ['score', 'species', 'common_names', 'family'],
            'No match',
          );
          printLine(`best match: ${reply.bestMatch || '-'}; remaining Pl@ntNet requests today: ${reply.remainingIdentificationRequests}`);
        });
      });
  },
};
