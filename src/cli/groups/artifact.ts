/** `traq-admin artifact fetch`: a job's outputs, correction preferred (api.md §2.13, data-model §7.5). */
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { ARTIFACT_KINDS, fetchArtifact, type ArtifactVariant } from '../../domain/artifacts.js';
import { choice, nonBlank } from '../args.js';
import { CliError } from '../errors.js';
import { writeAtomic } from '../files.js';
import { seg } from '../http.js';
import { printJson, printLine } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

export interface FetchedArtifact {
  /** The download name of api.md §2.13 (`J0001_traq_page1.pdf`, ...). */
  filename: string;
  variant: ArtifactVariant;
  stream: Readable;
}

export interface ArtifactBackend {
  fetch(jobRef: string, kind: string): Promise<FetchedArtifact>;
}

export const artifactBackend = (rt: Runtime) =>
  rt.backend<ArtifactBackend>({
    local: ({ pool, store }) => ({
      fetch: (jobRef, kind) => fetchArtifact(pool, store, jobRef, kind),
    }),
    remote: (api) => ({
      fetch: async (jobRef, kind) => {
        const d = await api.download(`/v1/admin/jobs/${seg(jobRef)}/artifacts/${seg(kind)}`);
        const variant = d.headers.get('x-artifact-variant');
        if (!d.filename || (variant !== 'final' && variant !== 'correction')) {
          d.stream.destroy();
          throw new CliError(`Unexpected answer from ${api.host}: no file name or X-Artifact-Variant`);
        }
        return { filename: path.basename(d.filename), variant, stream: d.stream };
      },
    }),
  });

/** `J0001_traq_page1.pdf` → `J0001`. */
const jobNumberOf = (filename: string) => filename.split('_')[0]!;

export const artifactGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .command('fetch')
      .description('Save one output of a job (the correction when there is one) under ./exports/<job_number>/')
      .requiredOption('--job <job>', 'job id or job number (any case)', nonBlank)
      .addOption(choice('--kind <kind>', 'which output', ARTIFACT_KINDS).makeOptionMandatory())
      .option('--output-dir <dir>', 'folder to save into (default: ./exports/<job_number>/)')
      .action(async (o: { job: string; kind: string; outputDir?: string }) => {
        const file = await (await artifactBackend(rt)).fetch(o.job, o.kind);
        const target = path.resolve(o.outputDir ?? path.join('exports', jobNumberOf(file.filename)), file.filename);
        const bytes = await writeAtomic(target, file.stream);
        if (rt.json) printJson({ ok: true, job: o.job, kind: o.kind, variant: file.variant, path: target, bytes });
        else printLine(`${target} (${file.variant}, ${bytes} bytes)`);
      });
  },
};
