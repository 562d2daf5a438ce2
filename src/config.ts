import path from 'node:path';
import { z } from 'zod';

/** A configuration value was missing or malformed; main prints `message` as one line and exits. */
export class ConfigError extends Error {}

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(fallback);

const positiveInt = (fallback: number) =>
  z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').positive('must be greater than 0').default(fallback);

const nonNegativeInt = (fallback: number) =>
  z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').default(fallback);

const EnvSchema = z.object({
  PORT: port(8000),
  HOST: optionalString.default('0.0.0.0'),
  DATABASE_URL: optionalString,
  TRAQ_DATABASE_URL: optionalString,
  TRAQ_DATA_DIR: optionalString.default('files'),
  TRAQ_STORAGE_ROOT: optionalString,
  TRAQ_API_KEY: optionalString.refine((k) => k === undefined || k.length >= 16, 'must be at least 16 characters'),
  TRAQ_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TRAQ_EMBEDDED_PG_PORT: port(54329),
  TRAQ_DB_POOL_SIZE: positiveInt(10),
  TRAQ_PAIRING_WINDOW_SECONDS: nonNegativeInt(900).refine((n) => n <= 604800, 'must be at most 604800 (7 days)'),
  TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: positiveInt(30),
  TRAQ_MAX_AUDIO_BYTES: positiveInt(50 * 1024 * 1024),
  TRAQ_MAX_IMAGE_BYTES: positiveInt(20 * 1024 * 1024),
  TRAQ_TRAQ_TEMPLATE_PDF: optionalString,
  TRAQ_TRAQ_FIELD_MAP: optionalString,
  TRAQ_RETENTION_INTERVAL_HOURS: z.coerce.number({ message: 'must be a number' }).min(0, 'must be 0 or more').default(0),
});

export interface Config {
  port: number;
  host: string;
  /** Connection string of an external PostgreSQL; undefined means "run the embedded cluster". */
  databaseUrl: string | undefined;
  /** Absolute path of the data folder (embedded cluster, generated admin key, default storage root). */
  dataDir: string;
  /** Absolute path of the artifact store root. */
  storageRoot: string;
  /** The admin key from the environment; undefined in dev means "generate one under dataDir". */
  apiKey: string | undefined;
  env: 'development' | 'test' | 'production';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  embeddedPgPort: number;
  dbPoolSize: number;
  /**
   * How long after an approval a client without a device secret may fetch its
   * one token (decision 2); 0 means every token request needs the secret.
   */
  pairingWindowSeconds: number;
  /** Requests per minute per client address to register-device and to token, each. */
  authRateLimitPerMinute: number;
  /** Largest recording upload accepted, in bytes (413 above it). */
  maxAudioBytes: number;
  /** Largest photo upload accepted, in bytes (413 above it). */
  maxImageBytes: number;
  /** The blank ISA TRAQ form PDF the final's form is drawn on; undefined → the built-in summary form. */
  traqTemplatePdf: string | undefined;
  /** The box map for that template (set together with traqTemplatePdf). */
  traqFieldMap: string | undefined;
  /** Hours between retention prunes run by the server itself; 0 = never (use the admin endpoint). */
  retentionIntervalHours: number;
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const given = env[name];
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${given === undefined ? '' : ` (got ${JSON.stringify(given)})`}`);
  }
  const e = parsed.data;
  const databaseUrl = e.DATABASE_URL ?? e.TRAQ_DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('Invalid configuration: DATABASE_URL must be a postgres:// connection string');
  }
  if (e.TRAQ_ENV === 'production' && e.TRAQ_API_KEY === undefined) {
    throw new ConfigError('Refusing to start: TRAQ_ENV=production requires TRAQ_API_KEY (at least 16 characters)');
  }
  if ((e.TRAQ_TRAQ_TEMPLATE_PDF === undefined) !== (e.TRAQ_TRAQ_FIELD_MAP === undefined)) {
    throw new ConfigError('Invalid configuration: TRAQ_TRAQ_TEMPLATE_PDF and TRAQ_TRAQ_FIELD_MAP must be set together (or neither, for the built-in summary form)');
  }
  const dataDir = path.resolve(cwd, e.TRAQ_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    dataDir,
    storageRoot: path.resolve(cwd, e.TRAQ_STORAGE_ROOT ?? path.join(dataDir, 'artifacts')),
    apiKey: e.TRAQ_API_KEY,
    env: e.TRAQ_ENV,
    logLevel: e.LOG_LEVEL,
    embeddedPgPort: e.TRAQ_EMBEDDED_PG_PORT,
    dbPoolSize: e.TRAQ_DB_POOL_SIZE,
    pairingWindowSeconds: e.TRAQ_PAIRING_WINDOW_SECONDS,
    authRateLimitPerMinute: e.TRAQ_AUTH_RATE_LIMIT_PER_MINUTE,
    maxAudioBytes: e.TRAQ_MAX_AUDIO_BYTES,
    maxImageBytes: e.TRAQ_MAX_IMAGE_BYTES,
    traqTemplatePdf: e.TRAQ_TRAQ_TEMPLATE_PDF === undefined ? undefined : path.resolve(cwd, e.TRAQ_TRAQ_TEMPLATE_PDF),
    traqFieldMap: e.TRAQ_TRAQ_FIELD_MAP === undefined ? undefined : path.resolve(cwd, e.TRAQ_TRAQ_FIELD_MAP),
    retentionIntervalHours: e.TRAQ_RETENTION_INTERVAL_HOURS,
  };
}
