/**
 * `traq-admin import python-server`: a Python TRAQ server's database and
 * artifact tree into this server's database and store (local mode only; run it
 * with the owner/migration connection while neither server is serving).
 */
import type { Command } from 'commander';
import { migrate } from '../../db/migrate.js';
import { ImportRefused, importPythonServer, type ImportReport } from '../../import/python-server.js';
import { CliError, EXIT, usageError } from '../errors.js';
import { printLine, printTable, Progress, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';

interface Options {
  fromDatabase: string;
  fromStorage: string;
  dryRun?: boolean;
}

function printReport(r: ImportReport) {
  printLine(`${r.dry_run ? 'Dry run: nothing written. ' : ''}Source: Python TRAQ server at Alembic ${r.source_revision}`);
  printLine(`Jobs: ${r.jobs.total} (${r.dry_run ? 'would import' : 'imported'} ${r.jobs.imported}, already imported ${r.jobs.already_imported}, failed ${r.jobs.failed})`);
  printTable(r.tables.map((c) => ({ ...c, ok: r.dry_run ? '-' : c.source - c.skipped === c.target ? 'ok' : 'MISMATCH' })), ['table', 'source', 'target', 'skipped', 'ok']);
  printLine(`Files: ${r.files.total} (${r.files.bytes} bytes), sha256 verified ${r.files.verified}, mismatched ${r.files.mismatched.length}`);
  printLine(`Finals: ${r.finals.total}, outputs missing ${r.finals.outputs_missing.length}`);
  for (const p of r.problems) printLine(`problem: ${p.job_number ?? '-'}: ${p.problem}`);
  printLine(`${r.mismatches} mismatch(es), ${r.problems.length} problem(s) in ${r.seconds.toFixed(1)} s`);
}

export const importGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .command('python-server')
      .description('Import a Python TRAQ server: its database (every seed table) and its artifact directory; safe to rerun')
      .requiredOption('--from-database <url>', 'the Python server\'s PostgreSQL URL (read only)')
      .requiredOption('--from-storage <dir>', 'its artifact root (TRAQ storage root; a GCS bucket synced to a directory first)')
      .option('--dry-run', 'read and check everything, write nothing, report what would be imported')
      .action(async (o: Options) => {
        if (rt.mode !== 'local') throw usageError('import runs in local mode only (it needs the database and the artifact store)');
        const services = await rt.local();
        // an external target may be a brand-new database: bring its schema up first (as the server would)
        if (services.config.databaseUrl && !o.dryRun) await migrate(services.config.databaseUrl);
        let progress: Progress | undefined;
        const report = await importPythonServer(services.pool, services.store, {
          sourceUrl: o.fromDatabase,
          storageDir: o.fromStorage,
          dryRun: o.dryRun,
          progress: (done, total, item, outcome) => {
            progress ??= new Progress('import', total);
            progress.tick(item, outcome === 'imported' || outcome === 'would import' ? 'ok' : outcome);
          },
        }).catch((err: unknown) => {
          if (err instanceof ImportRefused) throw usageError(`refused: ${err.message}`);
          throw err;
        });
        show(rt.json, report, () => printReport(report));
        if (!report.ok) throw new CliError(`import finished with ${report.problems.length} problem(s) and ${report.mismatches} mismatch(es)`, EXIT.failure);
      });
  },
};
