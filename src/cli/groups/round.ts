/**
 * `traq-admin round ...`: rounds as an admin sees them
 * (api.md §2.6, §2.8, §2.13). Round endpoints take a job_id, so `--job` (id or
 * number) is resolved first. submit and reprocess run the server's processing
 * pipeline (AI providers, worker), so they exist in remote mode only (data-model §9).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { inspectReview, inspectRound } from '../../domain/inspect.js';
import { resolveJobRef } from '../../domain/jobs.js';
import { createRound, ManifestItem, readManifest, reopenRound, replaceManifest } from '../../domain/rounds.js';
import { nonBlank } from '../args.js';
import { notFound, usageError } from '../errors.js';
import { readJsonArg } from '../files.js';
import { seg } from '../http.js';
import { printRecord, printTable, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

type Reply = Record<string, unknown>;

export interface RoundBackend {
  /** The job_id of a job id or number; exit 3 when unknown. */
  resolve(ref: string): Promise<string>;
  create(jobId: string): Promise<Reply>;
  manifest(jobId: string, roundId: string): Promise<Reply>;
  setManifest(jobId: string, roundId: string, items: unknown[]): Promise<Reply>;
  reopen(jobId: string, roundId: string): Promise<Reply>;
  inspect(ref: string, roundId: string): Promise<Reply>;
  inspectReview(ref: string, roundId: string): Promise<Reply>;
  submit(jobId: string, roundId: string, body: unknown): Promise<Reply>;
  reprocess(jobId: string, roundId: string): Promise<Reply>;
}

const remoteOnlyError = (what: string) => usageError(`round ${what} runs in remote mode only (the server's processing pipeline does it): add --host/--api-key`);
const remoteOnly = (what: string) => () => Promise.reject(remoteOnlyError(what));
const isNotFound = (err: unknown) => (err as { status?: number }).status === 404;

export const roundBackend = (rt: Runtime) =>
  rt.backend<RoundBackend>({
    local: ({ pool, principal }) => ({
      resolve: async (ref) => (await resolveJobRef(pool, ref).catch((err: unknown) => Promise.reject(isNotFound(err) ? notFound(`Job not found: ${ref}`) : err))).job_id,
      create: (jobId) => createRound(pool, principal, jobId, undefined),
      manifest: (jobId, roundId) => readManifest(pool, principal, jobId, roundId),
      setManifest: (jobId, roundId, items) => {
        const parsed = z.array(ManifestItem).safeParse(items);
        if (!parsed.success) throw usageError(`--file: not a manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return replaceManifest(pool, principal, jobId, roundId, parsed.data);
      },
      reopen: (jobId, roundId) => reopenRound(pool, principal, jobId, roundId),
      inspect: (ref, roundId) => inspectRound(pool, ref, roundId),
      inspectReview: (ref, roundId) => inspectReview(pool, ref, roundId),
      submit: remoteOnly('submit'),
      reprocess: remoteOnly('reprocess'),
    }),
    remote: (api) => {
      const round = (jobId: string, roundId: string) => `/v1/jobs/${seg(jobId)}/rounds/${seg(roundId)}`;
      return {
        resolve: async (ref) => {
          try {
            return (await api.json<{ job_id: string }>('GET', `/v1/admin/jobs/resolve?job_ref=${seg(ref)}`)).job_id;
          } catch (err) {
            throw isNotFound(err) ? notFound(`Job not found: ${ref}`) : err;
          }
        },
        create: (jobId) => api.json<Reply>('POST', `/v1/jobs/${seg(jobId)}/rounds`, {}),
        manifest: (jobId, roundId) => api.json<Reply>('GET', `${round(jobId, roundId)}/manifest`),
        setManifest: (jobId, roundId, items) => api.json<Reply>('PUT', `${round(jobId, roundId)}/manifest`, items),
        reopen: (jobId, roundId) => api.json<Reply>('POST', `/v1/admin/jobs/${seg(jobId)}/rounds/${seg(roundId)}/reopen`, {}),
        inspect: (ref, roundId) => api.json<Reply>('GET', `/v1/admin/jobs/${seg(ref)}/rounds/${seg(roundId)}/inspect`),
        inspectReview: (ref, roundId) => api.json<Reply>('GET', `/v1/admin/jobs/${seg(ref)}/rounds/${seg(roundId)}/review/inspect`),
        submit: (jobId, roundId, body) => api.json<Reply>('POST', `${round(jobId, roundId)}/submit`, body ?? {}),
        reprocess: (jobId, roundId) => api.json<Reply>('POST', `${round(jobId, roundId)}/reprocess`, {}),
      };
    },
  });

export type JobRound = { job: string; roundId: string };
const jobOption = (cmd: Command) => cmd.requiredOption('--job <job>', 'job id or job number (any case)', nonBlank);
export const jobRound = (cmd: Command) => jobOption(cmd).requiredOption('--round-id <round_id>', 'the round, e.g. round_1', nonBlank);
export const withoutKeys = (reply: Reply, ...keys: string[]) => Object.fromEntries(Object.entries(reply).filter(([k]) => !keys.includes(k)));

export const roundGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    const record = (reply: Reply) => show(rt.json, reply, () => printRecord(withoutKeys(reply, 'ok')));
    /** Resolves --job then runs the call with the job_id. */
    const onJob = async (ref: string, call: (b: RoundBackend, jobId: string) => Promise<Reply>) => {
      const b = await roundBackend(rt);
      return call(b, await b.resolve(ref));
    };

    jobOption(group.command('create').description('Open a new DRAFT round on the job (a correction round when archived)')).action(async (o: { job: string }) =>
      record(await onJob(o.job, (b, id) => b.create(id))),
    );

    const manifest = group.command('manifest').description("Read or replace a round's manifest");
    jobRound(manifest.command('get').description('Show the manifest')).action(async (o: JobRound) => {
      const reply = await onJob(o.job, (b, id) => b.manifest(id, o.roundId));
      show(rt.json, reply, () => printTable(reply.manifest as Reply[], ['artifact_id', 'section_id', 'kind', 'client_file_name'], '(empty manifest)'));
    });
    jobRound(manifest.command('set').description('Replace the manifest with a JSON array from a file'))
      .requiredOption('--file <file>', 'JSON array of manifest items')
      .action(async (o: JobRound & { file: string }) => {
        const items = await readJsonArg('--file', o.file);
        if (!Array.isArray(items)) throw usageError(`--file: ${o.file} must hold a JSON array`);
        record(await onJob(o.job, (b, id) => b.setManifest(id, o.roundId, items)));
      });

    jobRound(group.command('reopen').description('Put the round back to DRAFT (the job follows)')).action(async (o: JobRound) =>
      record(await onJob(o.job, (b, id) => b.reopen(id, o.roundId))),
    );

    jobRound(group.command('inspect').description('The round as stored: status, manifest and media counts, review facts')).action(async (o: JobRound) =>
      record(await (await roundBackend(rt)).inspect(o.job, o.roundId)),
    );

    jobRound(group.command('submit').description('Submit the round for processing (remote mode only)'))
      .option('--file <file>', 'JSON object: the submit body (form patch, client revision)')
      .action(async (o: JobRound & { file?: string }) => {
        if (rt.mode === 'local') throw remoteOnlyError('submit'); // before opening a database it will not use
        const body = o.file === undefined ? undefined : await readJsonArg('--file', o.file);
        record(await onJob(o.job, (b, id) => b.submit(id, o.roundId, body)));
      });

    jobRound(group.command('reprocess').description("Run the round's recordings through processing again (remote mode only)")).action(async (o: JobRound) => {
      if (rt.mode === 'local') throw remoteOnlyError('reprocess');
      record(await onJob(o.job, (b, id) => b.reprocess(id, o.roundId)));
    });
  },
};
