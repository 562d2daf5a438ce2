/** `traq-admin backup` and `traq-admin restore` (README "Backup and restore"): local mode only. */
import type { Command } from 'commander';
import { incompleteBackup, takeBackup } from '../backup.js';
import { usageError } from '../errors.js';
import { printLine, show } from '../output.js';
import type { CommandGroup } from '../registry.js';
import { restoreBackup } from '../restore.js';
import type { Runtime } from '../runtime.js';

/** Backup reads the database and the store directly; over HTTP there is neither. */
function localOnly(rt: Runtime, command: string): void {
  if (rt.mode === 'remote') throw usageError(`${command} works in local mode only (on the server's machine, with its DATABASE_URL or data folder)`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .requiredOption('--out <dir>', 'new or empty folder to write the backup into')
      .action(async (o: { out: string }) => {
        localOnly(rt, 'backup');
        const { pool, store } = await rt.local();
        const r = await takeBackup(pool, store, o.out);
        show(rt.json, r, () =>
          printLine(`backup in ${r.out}: ${r.totals.rows} rows in ${r.totals.tables} tables, ${r.totals.files} files (${mb(r.totals.file_bytes)}) in ${r.seconds.toFixed(1)} s`),
        );
        if (!r.ok) throw incompleteBackup(r);
      });
  },
};

export const restoreGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .requiredOption('--from <dir>', 'a folder written by traq-admin backup')
      .action(async (o: { from: string }) => {
        localOnly(rt, 'restore');
        const { pool, store, config, databaseUrl } = await rt.unmigrated();
        const where = config.databaseUrl ? 'the database at DATABASE_URL' : `the embedded database under ${config.dataDir}`;
        const r = await restoreBackup({ pool, store, databaseUrl, where }, o.from);
        show(rt.json, r, () =>
          printLine(`restored ${r.totals.rows} rows in ${r.totals.tables} tables and ${r.totals.files} files (${mb(r.totals.file_bytes)}) at schema ${r.schema_version}, all verified, in ${r.seconds.toFixed(1)} s`),
        );
      });
  },
};
