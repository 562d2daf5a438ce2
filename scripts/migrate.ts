/**
 * `npm run db:migrate` applies pending migrations; `npm run db:migrate -- down [N]`
 * rolls back the last N (default 1). Connects as the schema owner:
 * TRAQ_MIGRATION_DATABASE_URL, else DATABASE_URL, else the embedded development
 * cluster under TRAQ_DATA_DIR (default files/).
 */
import { loadConfig } from '../src/config.js';
import { startEmbeddedDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';

const [direction = 'up', countArg] = process.argv.slice(2);
if (direction !== 'up' && direction !== 'down') {
  console.error('usage: npm run db:migrate [-- up | down [N]]');
  process.exit(2);
}
const config = loadConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.dataDir, config.embeddedPgPort, (l) => console.log(l));
try {
  const ran = await migrate(config.migrationDatabaseUrl ?? embedded!.ownerUrl, {
    direction,
    count: direction === 'down' ? Number(countArg ?? 1) : Infinity,
  });
  console.log(ran.length ? ran.map((m) => `${direction} ${m.name}`).join('\n') : 'no migrations to run');
} finally {
  await embedded?.cluster.stop();
}
