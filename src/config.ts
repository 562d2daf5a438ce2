import path from 'node:path';
import { z } from 'zod';
import type { S3Settings } from './artifacts/s3.js';

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
const positiveSeconds = (fallback: number) =>
  z.coerce.number({ message: 'must be a number of seconds' }).positive('must be greater than 0').default(fallback);
const nonNegativeSeconds = (fallback: number) =>
  z.coerce.number({ message: 'must be a number of seconds' }).min(0, 'must not be negative').default(fallback);

const httpUrl = optionalString.refine((u) => u === undefined || /^https?:\/\/[^/]/.test(u), 'must be an http(s) URL');
const bucketName = optionalString.refine((b) => b === undefined || /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(b), 'must be a bucket name (lower-case letters, digits, ".", "-", "_")');

const EnvSchema = z.object({
  PORT: port(8000),
  HOST: optionalString.default('0.0.0.0'),
  DATABASE_URL: optionalString,
  TRAQ_DATABASE_URL: optionalString,
  TRAQ_MIGRATION_DATABASE_URL: optionalString,
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
  TRAQ_MAX_IMAGE_PIXELS: positiveInt(50_000_000),
  // AI providers (README decision 12): any OpenAI-compatible server; none configured = no-provider mode.
  OPENAI_BASE_URL: optionalString.refine((u) => u === undefined || /^https?:\/\//.test(u), 'must be an http(s) URL'),
  OPENAI_API_KEY: optionalString,
  TRAQ_OPENAI_MODEL: optionalString.default('gpt-4o-mini'),
  TRAQ_OPENAI_SUMMARY_MODEL: optionalString.default('gpt-4o-mini'),
  TRAQ_OPENAI_TRANSCRIBE_MODEL: optionalString.default('gpt-4o-transcribe'),
  TRAQ_OPENAI_TRANSCRIBE_LANGUAGE: optionalString.default('en'),
  TRAQ_OPENAI_TRANSCRIBE_PROMPT: optionalString,
  TRAQ_OPENAI_TRANSCRIBE_TIMEOUT: positiveSeconds(90),
  TRAQ_OPENAI_TRANSCRIBE_ATTEMPTS: positiveInt(3),
  TRAQ_OPENAI_TRANSCRIBE_BACKOFF: nonNegativeSeconds(1.5),
  TRAQ_OPENAI_TIMEOUT: positiveSeconds(60),
  TRAQ_OPENAI_ATTEMPTS: positiveInt(3),
  TRAQ_OPENAI_BACKOFF: nonNegativeSeconds(1.5),
  TRAQ_PROCESSING_CONCURRENCY: positiveInt(10),
  // The round queue (decision 4).
  TRAQ_SUBMIT_WAIT_SECONDS: nonNegativeSeconds(25),
  TRAQ_WORKER: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  TRAQ_WORKER_CONCURRENCY: positiveInt(2),
  TRAQ_PROCESSING_LEASE_SECONDS: positiveSeconds(30),
  TRAQ_PROCESSING_MAX_ATTEMPTS: positiveInt(3),
  TRAQ_PROCESSING_RETRY_BACKOFF_SECONDS: nonNegativeSeconds(15),
  TRAQ_PROCESSING_STUCK_SECONDS: positiveSeconds(3600),
  TRAQ_TRAQ_TEMPLATE_PDF: optionalString,
  TRAQ_TRAQ_FIELD_MAP: optionalString,
  TRAQ_CONSOLE_TILE_URL: optionalString.refine((u) => u === undefined || /^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(u), 'must be an http(s) tile URL template with {z}, {x} and {y}'),
  TRAQ_CONSOLE_TILE_ATTRIBUTION: optionalString,
  TRAQ_TEMP_MAX_AGE_SECONDS: positiveSeconds(3600),
  TRAQ_RETENTION_INTERVAL_HOURS: z.coerce.number({ message: 'must be a number' }).min(0, 'must be 0 or more').default(0),
  // Where artifact bytes live (issue #15): a local folder, or an S3-compatible bucket (gcs = GCS's S3 API).
  TRAQ_ARTIFACT_BACKEND: z.enum(['local', 's3', 'gcs'], { message: 'must be local, s3 or gcs' }).default('local'),
  TRAQ_S3_BUCKET: bucketName,
  TRAQ_GCS_BUCKET: bucketName,
  TRAQ_S3_PREFIX: optionalString,
  TRAQ_GCS_PREFIX: optionalString,
  TRAQ_S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  AWS_ENDPOINT_URL_S3: httpUrl,
  AWS_ENDPOINT_URL: httpUrl,
  AWS_REGION: optionalString,
  AWS_ACCESS_KEY_ID: optionalString,
  AWS_SECRET_ACCESS_KEY: optionalString,
  AWS_SESSION_TOKEN: optionalString,
  // Tree identification (Pl@ntNet), audio normalisation (ffmpeg), LAN discovery (mDNS): the old server's names.
  TRAQ_PLANTNET_API_KEY: optionalString,
  TRAQ_PLANTNET_BASE_URL: optionalString.refine((u) => u === undefined || /^https?:\/\//.test(u), 'must be an http(s) URL'),
  TRAQ_PLANTNET_PROJECT: optionalString.default('all'),
  TRAQ_PLANTNET_TIMEOUT: positiveSeconds(60),
  TRAQ_FFMPEG_BIN: optionalString,
  TRAQ_ENABLE_DISCOVERY: z
    .enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(v))),
  TRAQ_DISCOVERY_NAME: optionalString.default('TRAQ Server'),
  TRAQ_DISCOVERY_PORT: port(0).refine((n) => n > 0, 'must be between 1 and 65535').optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Connection string of an external PostgreSQL; undefined means "run the embedded cluster". */
  databaseUrl: string | undefined;
  /**
   * The schema owner's connection string, for migrations (README "Database roles"); defaults to databaseUrl,
   * which then must be the owner too. Unused with the embedded cluster, which has both roles built in.
   */
  migrationDatabaseUrl: string | undefined;
  /** Absolute path of the data folder (embedded cluster, generated admin key, default storage root). */
  dataDir: string;
  /** Absolute path of the artifact store root (the local backend's folder). */
  storageRoot: string;
  /** Where artifact bytes live: the local folder (storageRoot), or an S3-compatible bucket. */
  artifacts: { backend: 'local' } | ({ backend: 's3'; gcs: boolean } & S3Settings);
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
  /** Largest photo accepted, in pixels (width × height; 422 above it): decoding is bounded by this, not by bytes. */
  maxImagePixels: number;
  /** The blank ISA TRAQ form PDF the final's form is drawn on; undefined → the built-in summary form. */
  traqTemplatePdf: string | undefined;
  /** The box map for that template (set together with traqTemplatePdf). */
  traqFieldMap: string | undefined;
  /** Map tiles for the console map ({z}/{x}/{y} template on a LAN tile server); undefined → a plain vector background. */
  consoleTileUrl: string | undefined;
  /** Attribution text shown under those tiles. */
  consoleTileAttribution: string | undefined;
  /** Hours between retention prunes run by the server itself; 0 = never (use the admin endpoint). */
  retentionIntervalHours: number;
  /** Staged (temp) artifact files older than this and named by no committed placement are swept. */
  tempMaxAgeSeconds: number;
  /** The AI provider settings; `configured` false means the no-provider mode (api.md §0.4). */
  openai: OpenAIConfig;
  /** Provider calls one round may have in flight at once (transcriptions, extractions). */
  processingConcurrency: number;
  /** How long a submit waits for its round before answering SUBMITTED_FOR_PROCESSING. */
  submitWaitSeconds: number;
  /** Run a round worker inside the server (off when workers run as `npm run worker`). */
  inProcessWorker: boolean;
  worker: { concurrency: number; leaseSeconds: number; maxAttempts: number; retryBackoffSeconds: number; stuckSeconds: number };
  /** Pl@ntNet tree identification; no apiKey → /v1/trees/identify answers 503. */
  plantnet: { apiKey: string | undefined; baseUrl: string; project: string; timeoutMs: number };
  /** ffmpeg for audio normalisation: the configured path, else `ffmpeg` looked up on PATH at start. */
  ffmpegBin: string | undefined;
  /** mDNS/DNS-SD advertisement of `_traq._tcp`. */
  discovery: { enabled: boolean; name: string; port: number };
}

export interface OpenAIConfig {
  configured: boolean;
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  summaryModel: string;
  transcribeModel: string;
  transcribeLanguage: string;
  /** undefined = the built-in arborist domain prompt. */
  transcribePrompt: string | undefined;
  transcribe: { timeoutMs: number; attempts: number; backoffMs: number };
  chat: { timeoutMs: number; attempts: number; backoffMs: number };
}

export const isLoopbackHost = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

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
  const migrationUrl = e.TRAQ_MIGRATION_DATABASE_URL;
  if (migrationUrl !== undefined && !/^postgres(ql)?:\/\//.test(migrationUrl)) {
    throw new ConfigError('Invalid configuration: TRAQ_MIGRATION_DATABASE_URL must be a postgres:// connection string');
  }
  if (migrationUrl !== undefined && databaseUrl === undefined) {
    throw new ConfigError('Invalid configuration: TRAQ_MIGRATION_DATABASE_URL needs DATABASE_URL (the embedded database has both roles built in)');
  }
  if (e.TRAQ_ENV === 'production' && e.TRAQ_API_KEY === undefined) {
    throw new ConfigError('Refusing to start: TRAQ_ENV=production requires TRAQ_API_KEY (at least 16 characters)');
  }
  if ((e.TRAQ_TRAQ_TEMPLATE_PDF === undefined) !== (e.TRAQ_TRAQ_FIELD_MAP === undefined)) {
    throw new ConfigError('Invalid configuration: TRAQ_TRAQ_TEMPLATE_PDF and TRAQ_TRAQ_FIELD_MAP must be set together (or neither, for the built-in summary form)');
  }
  const dataDir = path.resolve(cwd, e.TRAQ_DATA_DIR);
  return {
    artifacts: artifactBackend(e),
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    migrationDatabaseUrl: migrationUrl ?? databaseUrl,
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
    maxImagePixels: e.TRAQ_MAX_IMAGE_PIXELS,
    openai: {
      // A local OpenAI-compatible server may need no key, so a base URL alone also configures the provider.
      configured: e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined,
      baseUrl: e.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
      apiKey: e.OPENAI_API_KEY,
      model: e.TRAQ_OPENAI_MODEL,
      summaryModel: e.TRAQ_OPENAI_SUMMARY_MODEL,
      transcribeModel: e.TRAQ_OPENAI_TRANSCRIBE_MODEL,
      transcribeLanguage: e.TRAQ_OPENAI_TRANSCRIBE_LANGUAGE,
      transcribePrompt: e.TRAQ_OPENAI_TRANSCRIBE_PROMPT,
      transcribe: {
        timeoutMs: e.TRAQ_OPENAI_TRANSCRIBE_TIMEOUT * 1000,
        attempts: e.TRAQ_OPENAI_TRANSCRIBE_ATTEMPTS,
        backoffMs: e.TRAQ_OPENAI_TRANSCRIBE_BACKOFF * 1000,
      },
      chat: { timeoutMs: e.TRAQ_OPENAI_TIMEOUT * 1000, attempts: e.TRAQ_OPENAI_ATTEMPTS, backoffMs: e.TRAQ_OPENAI_BACKOFF * 1000 },
    },
    processingConcurrency: e.TRAQ_PROCESSING_CONCURRENCY,
    submitWaitSeconds: e.TRAQ_SUBMIT_WAIT_SECONDS,
    inProcessWorker: e.TRAQ_WORKER === 'on',
    worker: {
      concurrency: e.TRAQ_WORKER_CONCURRENCY,
      leaseSeconds: e.TRAQ_PROCESSING_LEASE_SECONDS,
      maxAttempts: e.TRAQ_PROCESSING_MAX_ATTEMPTS,
      retryBackoffSeconds: e.TRAQ_PROCESSING_RETRY_BACKOFF_SECONDS,
      stuckSeconds: e.TRAQ_PROCESSING_STUCK_SECONDS,
    },
    traqTemplatePdf: e.TRAQ_TRAQ_TEMPLATE_PDF === undefined ? undefined : path.resolve(cwd, e.TRAQ_TRAQ_TEMPLATE_PDF),
    traqFieldMap: e.TRAQ_TRAQ_FIELD_MAP === undefined ? undefined : path.resolve(cwd, e.TRAQ_TRAQ_FIELD_MAP),
    retentionIntervalHours: e.TRAQ_RETENTION_INTERVAL_HOURS,
    plantnet: {
      apiKey: e.TRAQ_PLANTNET_API_KEY,
      baseUrl: e.TRAQ_PLANTNET_BASE_URL ?? 'https://my-api.plantnet.org',
      project: e.TRAQ_PLANTNET_PROJECT,
      timeoutMs: e.TRAQ_PLANTNET_TIMEOUT * 1000,
    },
    ffmpegBin: e.TRAQ_FFMPEG_BIN,
    discovery: {
      // On by default only when the server listens beyond loopback (a loopback server is unreachable from a
      // phone), and never by default under the test suite, whose servers must not reach a real network.
      enabled: e.TRAQ_ENABLE_DISCOVERY ?? (!isLoopbackHost(e.HOST) && e.TRAQ_ENV !== 'test'),
      name: e.TRAQ_DISCOVERY_NAME,
      port: e.TRAQ_DISCOVERY_PORT ?? e.PORT,
    },
    consoleTileUrl: e.TRAQ_CONSOLE_TILE_URL,
    consoleTileAttribution: e.TRAQ_CONSOLE_TILE_ATTRIBUTION,
    tempMaxAgeSeconds: e.TRAQ_TEMP_MAX_AGE_SECONDS,
  };
}

const GCS_ENDPOINT = 'https://storage.googleapis.com';

/** The artifact backend from TRAQ_ARTIFACT_BACKEND and the S3 (or old GCS) names; the SDK reads the credentials itself. */
function artifactBackend(e: z.infer<typeof EnvSchema>): Config['artifacts'] {
  if (e.TRAQ_ARTIFACT_BACKEND === 'local') return { backend: 'local' };
  const gcs = e.TRAQ_ARTIFACT_BACKEND === 'gcs';
  const bucket = e.TRAQ_S3_BUCKET ?? e.TRAQ_GCS_BUCKET;
  if (bucket === undefined) throw new ConfigError(`Invalid configuration: TRAQ_ARTIFACT_BACKEND=${e.TRAQ_ARTIFACT_BACKEND} needs TRAQ_S3_BUCKET (or TRAQ_GCS_BUCKET)`);
  const rawPrefix = e.TRAQ_S3_PREFIX ?? e.TRAQ_GCS_PREFIX ?? '';
  const trimmed = rawPrefix.replace(/^\/+|\/+$/g, '');
  if (trimmed !== '' && trimmed.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    throw new ConfigError(`Invalid configuration: TRAQ_S3_PREFIX must be a folder like "traq/artifacts" (got ${JSON.stringify(rawPrefix)})`);
  }
  if ((e.AWS_ACCESS_KEY_ID === undefined) !== (e.AWS_SECRET_ACCESS_KEY === undefined)) {
    throw new ConfigError('Invalid configuration: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together');
  }
  const endpoint = e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL ?? (gcs ? GCS_ENDPOINT : undefined);
  return {
    backend: 's3',
    gcs,
    bucket,
    prefix: trimmed === '' ? '' : `${trimmed}/`,
    endpoint,
    // GCS's S3 API takes "auto"; a custom endpoint (MinIO, a test server) ignores the region but the SDK needs one.
    region: e.AWS_REGION ?? (gcs ? 'auto' : 'us-east-1'),
    forcePathStyle: e.TRAQ_S3_FORCE_PATH_STYLE === undefined ? endpoint !== undefined : e.TRAQ_S3_FORCE_PATH_STYLE === 'true',
    // Keys from this environment when given (so a test's env is self-contained); otherwise the SDK's own chain
    // (shared config files, instance or workload roles) finds them.
    credentials:
      e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY, sessionToken: e.AWS_SESSION_TOKEN }
        : undefined,
  };
}

/** loadConfig for entry points: a bad value prints its one line and exits 78 (EX_CONFIG). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}
