/**
 * `traq-admin final ...`: inspect a job's final and correction, or import one
 * from JSON (api.md §2.13 set-final / set-correction). The old tool imported
 * in local mode only; here both modes work (remote through the admin endpoints).
 */
import type { Command } from 'commander';
import type { ImportedFinal } from '../../domain/final-admin.js';
import type { FinalKind } from '../../domain/final-files.js';
import { inspectFinal } from '../../domain/final-reads.js';
import { nonBlank } from '../args.js';
import { usageError } from '../errors.js';
import { readJsonArg } from '../files.js';
import { seg } from '../http.js';
import { printLine, printTable, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

type Reply = Record<string, unknown>;

export interface FinalBackend {
  inspect(ref: string): Promise<Reply>;
  set(ref: string, kind: FinalKind, input: ImportedFinal): Promise<Reply>;
}

const backend = (rt: Runtime) =>
  rt.backend<FinalBackend>({
    local: ({ pool, store, principal, config }) => ({
      inspect: (ref) => inspectFinal(pool, store, ref),
      // The same TRAQ form template the server is configured with (TRAQ_TRAQ_TEMPLATE_PDF / _FIELD_MAP).
      // Imported here, not at the top: the document renderers (pdf-lib, docx) would slow every traq-admin start.
      set: async (ref, kind, input) => {
        const [{ loadTraqTemplate }, { setFinalFromJson }] = await Promise.all([import('../../documents/traq-template.js'), import('../../domain/final-admin.js')]);
        return setFinalFromJson(pool, store, principal, ref, kind, input, await loadTraqTemplate({ templatePdf: config.traqTemplatePdf, fieldMap: config.traqFieldMap }));
      },
    }),
    remote: (api) => ({
      inspect: (ref) => api.json<Reply>('GET', `/v1/admin/jobs/${seg(ref)}/final/inspect`),
      set: (ref, kind, input) => api.json<Reply>('POST', `/v1/admin/jobs/${seg(ref)}/final/set-${kind}`, input),
    }),
  });

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checks the endpoint's schema makes, so both modes refuse the same files the same way (exit 2). */
async function importedFinal(fromJson: string, geojsonJson: string | undefined): Promise<ImportedFinal> {
  const payload = await readJsonArg('--from-json', fromJson);
  if (!isDict(payload) || !isDict(payload.form) || !isDict(payload.form.data)) {
    throw usageError(`--from-json: ${fromJson} is not a final.json (needs an object with form.data)`);
  }
  const input: ImportedFinal = { payload: payload as ImportedFinal['payload'] };
  if (geojsonJson !== undefined) {
    const geojson = await readJsonArg('--geojson-json', geojsonJson);
    if (!isDict(geojson)) throw usageError(`--geojson-json: ${geojsonJson} must hold a JSON object`);
    input.geojson = geojson;
  }
  return input;
}

const SIDE_COLUMNS = ['side', 'exists', 'round_id', 'user_name', 'json_file_exists', 'report_pdf_exists', 'traq_pdf_exists', 'geojson_exists', 'transcript_length', 'image_count'];

export const finalGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .command('inspect')
      .description('The final and the correction as stored: rows and which files exist')
      .requiredOption('--job <job>', 'job id or job number (any case)', nonBlank)
      .action(async (o: { job: string }) => {
        const reply = await (await backend(rt)).inspect(o.job);
        show(rt.json, reply, () => {
          printLine(`job ${String(reply.job_id)}`);
          printTable(
            (['final', 'correction'] as const).map((side) => ({ side, ...(reply[side] as Reply) })),
            SIDE_COLUMNS,
          );
        });
      });
    for (const kind of ['final', 'correction'] as const) {
      group
        .command(`set-${kind}`)
        .description(
          kind === 'final'
            ? 'Store the original final from a final.json (refused when the job has one); archives the job'
            : 'Store or replace the correction from a final.json; archives the job',
        )
        .requiredOption('--job <job>', 'job id or job number (any case)', nonBlank)
        .requiredOption('--from-json <file>', 'the final.json to store')
        .option('--geojson-json <file>', 'the GeoJSON to store (built from the payload when absent)')
        .action(async (o: { job: string; fromJson: string; geojsonJson?: string }) => {
          const input = await importedFinal(o.fromJson, o.geojsonJson);
          const reply = await (await backend(rt)).set(o.job, kind, input);
          show(rt.json, reply, () => printLine(`${String(reply.job_id)}: ${kind} stored, ${String(reply.status)}; ${(reply.artifacts as string[]).join(', ')}`));
        });
    }
  },
};
