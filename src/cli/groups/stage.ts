/** `traq-admin stage ...`: staging bundles for the reporting side (data-model §8.2). */
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { printJson, printLine } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';
import { exclude, include, normalizeJobNumber, readExclusions, sync, type StageSource } from '../staging.js';
import { artifactBackend } from './artifact.js';
import { exportBackend } from './export.js';

const ROOT = ['--root <dir>', 'staging folder', './staging'] as const;

export const stageGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .command('sync')
      .description('Stage every completed job changed since the stored cursor; the cursor advances only when all staged')
      .option(...ROOT)
      .option('--cursor <cursor>', 'start from this cursor instead of state/export_cursor.json')
      .action(async (o: { root: string; cursor?: string }) => {
        const source: StageSource = { ...(await exportBackend(rt)), ...(await artifactBackend(rt)) };
        const result = await sync(path.resolve(o.root), source, { cursor: o.cursor });
        if (rt.json) printJson(result);
        else {
          printLine(`staged ${result.staged.length} job(s)${result.staged.length ? `: ${result.staged.join(', ')}` : ''}`);
          if (result.skipped_excluded.length) printLine(`skipped (excluded): ${result.skipped_excluded.join(', ')}`);
          for (const f of result.failed) printLine(`FAILED ${f.job_number}: ${f.error}`);
          printLine(result.cursor_advanced ? `cursor advanced to ${result.cursor}` : `cursor unchanged (${result.cursor_before ?? 'none'})`);
        }
        if (!result.ok) throw new CliError(`${result.failed.length} job(s) failed to stage; cursor not advanced`);
      });

    group
      .command('exclusions')
      .description('List the excluded job numbers')
      .option(...ROOT)
      .action(async (o: { root: string }) => {
        const ex = await readExclusions(path.resolve(o.root));
        if (rt.json) printJson(ex);
        else printLine(ex.jobs.length ? ex.jobs.join('\n') : '(no excluded jobs)');
      });

    group
      .command('exclude')
      .description('Exclude a job from staging and delete its bundle')
      .requiredOption('--job <job_number>', 'job number (J0001)', normalizeJobNumber)
      .option(...ROOT)
      .action(async (o: { job: string; root: string }) => {
        const r = await exclude(path.resolve(o.root), o.job);
        if (rt.json) printJson(r);
        else printLine(`${o.job} excluded${r.bundle_removed ? ', bundle deleted' : ''}`);
      });

    group
      .command('include')
      .description('Stop excluding a job (staged again at its next change, or with sync --cursor)')
      .requiredOption('--job <job_number>', 'job number (J0001)', normalizeJobNumber)
      .option(...ROOT)
      .action(async (o: { job: string; root: string }) => {
        const r = await include(path.resolve(o.root), o.job);
        if (rt.json) printJson(r);
        else printLine(r.was_excluded ? `${o.job} included again` : `${o.job} was not excluded`);
      });
  },
};
