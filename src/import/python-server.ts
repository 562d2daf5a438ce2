/**
 * `traq-admin import python-server`: moves a Python TRAQ server's database and
 * artifact tree into this server (issue #13).
 *
 * Order of work, each step safe to repeat:
 *   1. read the whole source in one snapshot (refusing an unknown Alembic revision);
 *   2. shared rows (devices, tokens as SHA-256, profiles, customers, billing,
 *      projects, operators, trees, counters) in one transaction, ON CONFLICT DO NOTHING;
 *   3. per job: copy its files through the artifact store (stage + commit, hashed
 *      while streaming), then one transaction with every row of the job and its
 *      `imported` audit row. A job whose audit row exists is done and skipped, so a
 *      second run changes nothing and a killed run, started again, finishes the rest;
 *   4. verify: rows per table (source ids present here), every copied file's
 *      sha256 re-read from the store, every final's five outputs present.
 * Source ids are kept as target ids, so "already imported" is a lookup by id.
 * Artifact keys are kept too: the old layout (media per job+section) is valid
 * here, and immutable final payloads name those keys.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ArtifactNotFound, checkKey, type ArtifactStore } from '../artifacts/store.js';
import type { Pool, PoolClient } from '../db/pool.js';
import { readSource, SOURCE_TABLES, type Source, type SourceRow, type SourceTable } from '../db/python-source.js';
import { withTransaction } from '../db/tx.js';
import { recordEvent } from '../domain/events.js';
import { FINAL_OUTPUTS, finalKey, OUTPUT_FILES, type FinalKind } from '../domain/final-files.js';
import {
  countImported,
  findTree,
  importArtifact,
  importAssignment,
  importBillingProfile,
  importCustomer,
  importDevice,
  importDeviceToken,
  importedJob,
  importEvent,
  importFinal,
  importGeojson,
  importImage,
  importJob,
  importOperator,
  importProfile,
  importProject,
  importRecording,
  importRound,
  importTree,
  listArtifactChecks,
  preserveUpdatedAt,
  raiseCounter,
  setImportedLatestRound,
  type artifact_kind,
  type event_type,
  type job_status,
  type round_status,
} from '../queries/import.queries.js';

export class ImportRefused extends Error {}

export interface ImportOptions {
  sourceUrl: string;
  storageDir: string;
  dryRun?: boolean;
  /** Called after each job (the CLI draws progress on stderr). */
  progress?: (done: number, total: number, item: string, outcome: string) => void;
}

export interface TableCount {
  table: string;
  source: number;
  target: number;
  /** Source rows deliberately merged (several admin:<key> profiles become one). */
  skipped: number;
}

export interface ImportReport {
  ok: boolean;
  dry_run: boolean;
  source_revision: string;
  jobs: { total: number; imported: number; already_imported: number; failed: number };
  tables: TableCount[];
  rows: number;
  files: { total: number; bytes: number; verified: number; mismatched: string[] };
  finals: { total: number; outputs_missing: string[] };
  problems: { job_number: string | null; problem: string }[];
  mismatches: number;
  seconds: number;
}

const JOB_STATUS: Record<string, job_status> = {
  not_started: 'NOT_STARTED', draft: 'DRAFT', submitted: 'SUBMITTED_FOR_PROCESSING', review_returned: 'REVIEW_RETURNED', archived: 'ARCHIVED', failed: 'FAILED',
};
const ROUND_STATUS: Record<string, round_status> = { draft: 'DRAFT', submitted: 'SUBMITTED_FOR_PROCESSING', review_returned: 'REVIEW_RETURNED', failed: 'FAILED' };

/** Old enum labels are the Python member names (data-model §1.2); API spellings are accepted too. */
function mapEnum<T extends string>(table: Record<string, T>, value: unknown, what: string): T {
  const v = String(value ?? '');
  const mapped = table[v.toLowerCase()] ?? (Object.values(table).includes(v as T) ? (v as T) : undefined);
  if (!mapped) throw new Error(`unknown ${what} ${JSON.stringify(value)}`);
  return mapped;
}
const json = (v: unknown) => JSON.stringify(v ?? null);
const obj = (v: unknown): Record<string, any> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {});
const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');
function groupBy(rows: SourceRow[], key: string): Map<string, SourceRow[]> {
  const m = new Map<string, SourceRow[]>();
  for (const r of rows) {
    const list = m.get(r[key]);
    if (list) list.push(r);
    else m.set(r[key], [r]);
  }
  return m;
}
const codeNumber = (code: unknown, prefix: string) => Number(new RegExp(`^${prefix}(\\d+)$`).exec(String(code ?? ''))?.[1] ?? 0);
function numberOrNull(v: unknown, limit: number): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

/** A store key from an old artifact path: relative keys as they are, absolute paths (local or artifact_cache) from their `jobs/` part. */
export function sourceKey(p: unknown): string | null {
  if (typeof p !== 'string' || !p.trim()) return null;
  let key = p.replace(/\\/g, '/');
  if (key.startsWith('/')) {
    const at = key.lastIndexOf('/jobs/');
    if (at < 0) return null;
    key = key.slice(at + 1);
  }
  try {
    return checkKey(key);
  } catch {
    return null;
  }
}

/** The old legacy importer's kinds, by file name (data-model §1.3 artifacts), with this schema's image_report. */
const ARTIFACT_KIND_BY_NAME: [RegExp, artifact_kind][] = [
  [/\.report\.jpg$/, 'image_report'],
  [/\.transcript\.txt$/, 'transcript_txt'],
  [/\.(wav|m4a|mp4|mp3|aac|ogg|webm)$/, 'audio'],
  [/\.(jpe?g|png|webp)$/, 'image'],
  [/review\.json$/, 'review_json'],
  [/\.geojson$/, 'geojson'],
  [/\.json$/, 'final_json'],
  [/report_letter(_correction)?\.pdf$/, 'report_pdf'],
  [/report_letter(_correction)?\.docx$/, 'report_docx'],
  [/\.pdf$/, 'final_pdf'],
];

interface Ctx {
  store: ArtifactStore;
  storageDir: string;
  t: Source['tables'];
  revision: string;
  rounds: Map<string, SourceRow[]>;
  recordings: Map<string, SourceRow[]>;
  images: Map<string, SourceRow[]>;
  finals: Map<string, SourceRow[]>;
  geojson: Map<string, SourceRow[]>;
  artifacts: Map<string, SourceRow[]>;
  assignments: Map<string, SourceRow[]>;
  events: Map<string, SourceRow[]>;
}

const inSource = (ctx: Ctx, key: string) => fs.existsSync(path.join(ctx.storageDir, key));
const transcriptKeyOf = (audioKey: string) => audioKey.replace(/\.[^./]+$/, '.transcript.txt');

function reportKeyOf(ctx: Ctx, img: SourceRow): string | null {
  const explicit = sourceKey(obj(img.metadata_json).report_image_path);
  if (explicit) return explicit;
  const original = sourceKey(img.artifact_path);
  const guess = original?.replace(/\.[^./]+$/, '.report.jpg');
  return guess && inSource(ctx, guess) ? guess : null;
}

/** Every file the job's rows name (media, report variants, transcripts, final outputs, report images, legacy artifact rows). */
function filesOf(ctx: Ctx, job: SourceRow): { keys: Set<string>; finalOutputs: string[] } {
  const keys = new Set<string>();
  const add = (k: string | null) => k && keys.add(k);
  for (const round of ctx.rounds.get(job.id) ?? []) {
    for (const rec of ctx.recordings.get(round.id) ?? []) {
      const k = sourceKey(rec.artifact_path);
      add(k);
      if (k && inSource(ctx, transcriptKeyOf(k))) add(transcriptKeyOf(k));
    }
    for (const img of ctx.images.get(round.id) ?? []) {
      add(sourceKey(img.artifact_path));
      add(reportKeyOf(ctx, img));
    }
  }
  const finalOutputs: string[] = [];
  for (const f of ctx.finals.get(job.id) ?? []) {
    const images = obj(f.payload).report_images;
    for (const ri of Array.isArray(images) ? images : []) add(sourceKey(obj(ri).stored_path ?? obj(ri).path));
    for (const output of FINAL_OUTPUTS) finalOutputs.push(finalKey(job.job_id, f.kind as FinalKind, output));
  }
  for (const k of finalOutputs) keys.add(k);
  for (const a of ctx.artifacts.get(job.id) ?? []) add(sourceKey(a.path));
  return { keys, finalOutputs };
}

async function hashSource(ctx: Ctx, key: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(path.join(ctx.storageDir, key))) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { size, sha256: hash.digest('hex') };
}

/** Copies one file through the store (hashed while streaming, fsynced, atomic rename). */
async function copyFile(ctx: Ctx, key: string): Promise<{ size: number; sha256: string }> {
  const staged = await ctx.store.stage(fs.createReadStream(path.join(ctx.storageDir, key)));
  try {
    return await staged.commit(key);
  } finally {
    await staged.discard();
  }
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function hashStored(store: ArtifactStore, key: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of await store.read(key)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch (err) {
    if (err instanceof ArtifactNotFound) return null;
    throw err;
  }
}

/** `admin:<raw key>` becomes `admin` (the raw key never lands here); of several, the newest wins. */
function profilesToImport(rows: SourceRow[]): SourceRow[] {
  const byIdentity = new Map<string, SourceRow>();
  for (const p of [...rows].sort((a, b) => String(a.updated_at).localeCompare(String(b.updated_at)))) {
    const identity = String(p.identity_key).startsWith('admin') ? 'admin' : String(p.identity_key);
    byIdentity.set(identity, { ...p, identity_key: identity });
  }
  return [...byIdentity.values()];
}

async function importOldEvent(tx: PoolClient, ctx: Ctx, e: SourceRow) {
  const given = e.actor_identity;
  const actor = typeof given === 'string' && (given === 'admin' || given === 'system' || /^device:./.test(given)) ? given : 'system';
  const deviceId = /^device:(.+)$/.exec(actor)?.[1];
  const devicePk = deviceId ? (ctx.t.devices.find((d) => d.device_id === deviceId)?.id ?? null) : null;
  const payload = { ...obj(e.payload), ...(actor !== given ? { source_actor_identity: given ?? null } : {}) };
  await importEvent.run({ id: e.id, jobPk: e.job_id ?? null, devicePk, eventType: e.event_type as event_type, actor, payload: json(payload), createdAt: e.created_at }, tx);
}

/** Step 2: everything that is not one job's, in one transaction. */
async function importShared(tx: PoolClient, ctx: Ctx) {
  const t = ctx.t;
  await preserveUpdatedAt.run(undefined, tx);
  const tokensByDevice = groupBy(t.device_tokens, 'device_id');
  for (const d of t.devices) {
    const lastIssued = (tokensByDevice.get(d.id) ?? []).map((k) => String(k.created_at)).sort().at(-1) ?? null;
    await importDevice.run(
      {
        id: d.id, deviceId: d.device_id, deviceName: d.device_name, appVersion: d.app_version, role: d.role, status: d.status,
        profileSummary: json(obj(d.profile_summary)),
        approvedAt: d.approved_at ?? (d.status === 'approved' ? d.updated_at : null),
        revokedAt: d.revoked_at ?? (d.status === 'revoked' ? d.updated_at : null),
        // a device that already held a token has had its pairing: nobody can claim it again by its device id alone
        pairingUsedAt: lastIssued, lastSeenAt: d.last_seen_at, createdAt: d.created_at, updatedAt: d.updated_at,
      },
      tx,
    );
  }
  for (const k of t.device_tokens) {
    const createdAt = Date.parse(k.created_at) < Date.parse(k.expires_at) ? k.created_at : new Date(Date.parse(k.expires_at) - 1000).toISOString();
    await importDeviceToken.run(
      { id: k.id, tokenHash: sha256Hex(String(k.token)), devicePk: k.device_id, role: k.role, expiresAt: k.expires_at, revoked: Boolean(k.revoked), revokedAt: k.revoked ? k.updated_at : null, createdAt, updatedAt: k.updated_at },
      tx,
    );
  }
  for (const p of profilesToImport(t.runtime_profiles)) {
    await importProfile.run({ id: p.id, identityKey: p.identity_key, payload: json(obj(p.profile_payload)), createdAt: p.created_at, updatedAt: p.updated_at }, tx);
  }
  for (const c of t.customers) {
    await importCustomer.run({ id: c.id, code: c.customer_code, name: String(c.name ?? '').trim() || c.customer_code, phone: c.phone, address: c.address, createdAt: c.created_at, updatedAt: c.updated_at }, tx);
  }
  for (const b of t.billing_profiles) {
    await importBillingProfile.run(
      { id: b.id, code: b.billing_code, name: b.billing_name, contactName: b.billing_contact_name, address: b.billing_address, contactPreference: b.contact_preference, createdAt: b.created_at, updatedAt: b.updated_at },
      tx,
    );
  }
  for (const p of t.projects) await importProject.run({ id: p.id, projectId: p.project_id, name: p.name, slug: p.slug, createdAt: p.created_at, updatedAt: p.updated_at }, tx);
  for (const o of t.operators) await importOperator.run({ id: o.id, name: o.name, createdAt: o.created_at, updatedAt: o.updated_at }, tx);
  for (const tr of t.trees) await importTree.run({ id: tr.id, customerId: tr.customer_id, treeNumber: tr.tree_number, createdAt: tr.created_at, updatedAt: tr.updated_at }, tx);
  // code counters stay ahead of every imported code, so the next J/C/B number is new
  const counter = Number(t.runtime_counters.find((c) => c.counter_key === 'job_number')?.current_value ?? 0);
  const highest = (rows: SourceRow[], col: string, prefix: string) => Math.max(0, ...rows.map((r) => codeNumber(r[col], prefix)));
  await raiseCounter.run({ key: 'job_number', value: Math.max(counter, highest(t.jobs, 'job_number', 'J')) }, tx);
  await raiseCounter.run({ key: 'customer_code', value: highest(t.customers, 'customer_code', 'C') }, tx);
  await raiseCounter.run({ key: 'billing_code', value: highest(t.billing_profiles, 'billing_code', 'B') }, tx);
  for (const e of t.job_events) if (!e.job_id) await importOldEvent(tx, ctx, e);
}

type Copied = Map<string, { size: number; sha256: string }>;

/** The job's tree by the domain rule: its tree number names the customer's tree (the old submit path could leave tree_id behind). */
async function resolveTree(tx: PoolClient, job: SourceRow): Promise<string | null> {
  if (!job.customer_id || !job.tree_number) return job.tree_id ?? null;
  const [tree] = await findTree.run({ customerId: job.customer_id, treeNumber: job.tree_number }, tx);
  if (tree) return tree.id;
  const id = randomUUID();
  await importTree.run({ id, customerId: job.customer_id, treeNumber: job.tree_number, createdAt: job.created_at, updatedAt: job.created_at }, tx);
  return id;
}

async function importRoundRows(tx: PoolClient, ctx: Ctx, jobPk: string, r: SourceRow, copied: Copied) {
  const m = /^round_(\d+)$/.exec(r.round_id);
  if (!m) throw new Error(`round id ${JSON.stringify(r.round_id)} is not round_<n>`);
  const status = mapEnum(ROUND_STATUS, r.status, 'round status');
  const review = r.review_payload && typeof r.review_payload === 'object' && !Array.isArray(r.review_payload) ? r.review_payload : null;
  await importRound.run(
    {
      id: r.id, jobPk, roundNumber: Number(m[1]), roundId: r.round_id, status, serverRevisionId: r.server_revision_id, clientRevisionId: r.client_revision_id ?? null,
      manifest: json(Array.isArray(r.manifest) ? r.manifest : []), reviewPayload: review ? json(review) : null,
      failureReason: status === 'FAILED' ? String(obj(review).error ?? 'failed on the Python server (no reason recorded)') : null,
      createdAt: r.created_at, updatedAt: r.updated_at,
    },
    tx,
  );
  for (const rec of ctx.recordings.get(r.id) ?? []) {
    const key = sourceKey(rec.artifact_path);
    const file = key ? copied.get(key) : undefined;
    const meta = obj(rec.metadata_json);
    const transcriptKey = key ? transcriptKeyOf(key) : null;
    const transcript =
      typeof meta.transcript_text === 'string' ? meta.transcript_text : transcriptKey && copied.has(transcriptKey) ? (await ctx.store.readBuffer(transcriptKey)).toString('utf8') : null;
    await importRecording.run(
      {
        id: rec.id, roundPk: r.id, sectionId: rec.section_id, recordingId: rec.recording_id, uploadStatus: rec.upload_status, contentType: rec.content_type,
        byteSize: file?.size ?? null, sha256: file?.sha256 ?? null, durationMs: rec.duration_ms, artifactPath: file ? key : null, transcriptText: transcript,
        metadata: rec.metadata_json ? json(meta) : null, uploadedAt: meta.uploaded_at ?? (file ? rec.created_at : null), createdAt: rec.created_at, updatedAt: rec.updated_at,
      },
      tx,
    );
  }
  for (const img of ctx.images.get(r.id) ?? []) {
    const key = sourceKey(img.artifact_path);
    const file = key ? copied.get(key) : undefined;
    const reportKey = reportKeyOf(ctx, img);
    const report = reportKey ? copied.get(reportKey) : undefined;
    const meta = obj(img.metadata_json);
    await importImage.run(
      {
        id: img.id, roundPk: r.id, sectionId: img.section_id, imageId: img.image_id, uploadStatus: img.upload_status, contentType: meta.content_type ?? null,
        byteSize: file?.size ?? null, sha256: file?.sha256 ?? null, caption: img.caption, latitude: numberOrNull(img.latitude, 90), longitude: numberOrNull(img.longitude, 180),
        artifactPath: file ? key : null, reportArtifactPath: report ? reportKey : null, reportByteSize: report?.size ?? null,
        metadata: img.metadata_json ? json(meta) : null, uploadedAt: meta.uploaded_at ?? (file ? img.created_at : null), createdAt: img.created_at, updatedAt: img.updated_at,
      },
      tx,
    );
  }
}

async function importFinalRows(tx: PoolClient, ctx: Ctx, job: SourceRow, rounds: SourceRow[], copied: Copied) {
  const finals = ctx.finals.get(job.id) ?? [];
  const legacy = ctx.artifacts.get(job.id) ?? [];
  for (const f of finals) {
    const payload = obj(f.payload);
    const roundId = f.round_id ?? payload.round_id ?? null;
    await importFinal.run(
      {
        id: f.id, jobPk: job.id, kind: f.kind, roundPk: rounds.find((r) => r.round_id === roundId)?.id ?? null, roundId,
        clientRevisionId: payload.client_revision_id ?? null, serverRevisionId: payload.server_revision_id ?? null, payload: json(payload), createdAt: f.created_at, updatedAt: f.updated_at,
      },
      tx,
    );
    for (const output of FINAL_OUTPUTS) {
      const key = finalKey(job.job_id, f.kind as FinalKind, output);
      const file = copied.get(key);
      if (!file) continue;
      const { kind, contentType } = OUTPUT_FILES[output];
      const id = legacy.find((a) => sourceKey(a.path) === key)?.id ?? randomUUID();
      await importArtifact.run({ id, jobPk: job.id, roundPk: null, jobFinalId: f.id, kind, path: key, contentType, byteSize: file.size, sha256: file.sha256, metadata: null, createdAt: f.updated_at }, tx);
    }
  }
  for (const g of ctx.geojson.get(job.id) ?? []) {
    const final = finals.find((f) => f.kind === g.kind);
    if (!final) throw new Error(`its ${g.kind} GeoJSON export has no ${g.kind} to belong to`);
    await importGeojson.run({ id: g.id, jobPk: job.id, jobFinalId: final.id, kind: g.kind, payload: json(g.payload), createdAt: g.created_at, updatedAt: g.updated_at }, tx);
  }
  for (const a of legacy) {
    const key = sourceKey(a.path);
    const file = key ? copied.get(key) : undefined;
    if (!key || !file) continue;
    const kind = ARTIFACT_KIND_BY_NAME.find(([re]) => re.test(key))?.[1] ?? (a.kind as artifact_kind);
    await importArtifact.run(
      { id: a.id, jobPk: job.id, roundPk: a.round_pk, jobFinalId: a.job_final_id, kind, path: key, contentType: a.content_type, byteSize: file.size, sha256: file.sha256, metadata: a.metadata_json ? json(a.metadata_json) : null, createdAt: a.created_at },
      tx,
    );
  }
  return finals;
}

/** Step 3 (rows): one job and everything of it, with its `imported` audit row, in the caller's transaction. */
async function importJobRows(tx: PoolClient, ctx: Ctx, job: SourceRow, copied: Copied) {
  await preserveUpdatedAt.run(undefined, tx);
  await importJob.run(
    {
      id: job.id, jobId: job.job_id, jobNumber: job.job_number, customerId: job.customer_id, billingProfileId: job.billing_profile_id, projectId: job.project_id ?? null,
      operatorId: job.operator_id, treeId: await resolveTree(tx, job), treeNumber: job.tree_number, jobName: job.job_name, jobAddress: job.job_address, reason: job.reason,
      locationNotes: job.location_notes, treeSpecies: job.tree_species, status: mapEnum(JOB_STATUS, job.status, 'job status'), archivedAt: job.archived_at,
      createdAt: job.created_at, updatedAt: job.updated_at,
    },
    tx,
  );
  const rounds = ctx.rounds.get(job.id) ?? [];
  for (const r of rounds) await importRoundRows(tx, ctx, job.id, r, copied);
  const latest = rounds.find((r) => r.round_id === job.latest_round_id);
  if (latest) {
    await setImportedLatestRound.run({ id: job.id, roundId: latest.round_id, roundStatus: mapEnum(ROUND_STATUS, job.latest_round_status ?? latest.status, 'round status') }, tx);
  }
  const finals = await importFinalRows(tx, ctx, job, rounds, copied);
  const assignments = ctx.assignments.get(job.id) ?? [];
  for (const a of assignments) {
    const assignedBy = ['auto', 'admin', 'admin_unlock'].includes(a.assigned_by) ? a.assigned_by : 'admin';
    await importAssignment.run({ id: a.id, jobPk: job.id, devicePk: a.device_id, assignedBy, assignedAt: a.assigned_at, updatedAt: a.updated_at }, tx);
  }
  for (const e of ctx.events.get(job.id) ?? []) await importOldEvent(tx, ctx, e);
  await recordEvent(tx, {
    type: 'imported',
    actor: 'system',
    jobPk: job.id,
    payload: {
      source: 'python-server',
      source_revision: ctx.revision,
      job_number: job.job_number,
      source_status: job.status,
      source_ids: { job: job.id, rounds: rounds.map((r) => r.id), finals: finals.map((f) => f.id), assignments: assignments.map((a) => a.id) },
      files: copied.size,
    },
  });
}

export async function importPythonServer(pool: Pool, store: ArtifactStore, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const storageDir = path.resolve(options.storageDir);
  if (!fs.existsSync(storageDir) || !fs.statSync(storageDir).isDirectory()) throw new ImportRefused(`--from-storage ${options.storageDir} is not a directory`);
  const source = await readSource(options.sourceUrl).catch((err: Error) => {
    throw new ImportRefused(err.message);
  });
  const t = source.tables;
  t.jobs.sort((a, b) => String(a.job_number).localeCompare(String(b.job_number))); // progress and report in job order
  const ctx: Ctx = {
    store, storageDir, t, revision: source.revision,
    rounds: groupBy(t.job_rounds, 'job_id'), recordings: groupBy(t.round_recordings, 'round_pk'), images: groupBy(t.round_images, 'round_pk'),
    finals: groupBy(t.job_finals, 'job_id'), geojson: groupBy(t.job_geojson_exports, 'job_id'), artifacts: groupBy(t.artifacts, 'job_id'),
    assignments: groupBy(t.job_assignments, 'job_id'), events: groupBy(t.job_events, 'job_id'),
  };
  const dryRun = Boolean(options.dryRun);
  const problems: ImportReport['problems'] = [];
  const jobs = { total: t.jobs.length, imported: 0, already_imported: 0, failed: 0 };

  if (!dryRun) await withTransaction(pool, (tx) => importShared(tx, ctx));

  const files: Copied = new Map();
  const finalOutputs: { job: string; key: string }[] = [];
  for (const [i, job] of t.jobs.entries()) {
    let outcome: string;
    try {
      const named = filesOf(ctx, job);
      for (const key of named.finalOutputs) finalOutputs.push({ job: job.job_number, key });
      const present = [...named.keys].filter((k) => inSource(ctx, k));
      for (const k of named.keys) if (!present.includes(k) && !named.finalOutputs.includes(k)) problems.push({ job_number: job.job_number, problem: `file named by the source is missing: ${k}` });
      const [existing] = await importedJob.run({ id: job.id, jobId: job.job_id, jobNumber: job.job_number }, pool);
      if (existing?.imported && existing.id === job.id) {
        await inBatches(present, 8, async (k) => void files.set(k, await hashSource(ctx, k)));
        jobs.already_imported++;
        outcome = 'already imported';
      } else {
        if (existing) throw new Error(`this server already has another job with job id ${job.job_id} or number ${job.job_number}`);
        const copied: Copied = new Map();
        // a few files at a time: each copy waits on two fsyncs
        await inBatches(present, 8, async (k) => void copied.set(k, dryRun ? await hashSource(ctx, k) : await copyFile(ctx, k)));
        if (!dryRun) await withTransaction(pool, (tx) => importJobRows(tx, ctx, job, copied));
        for (const [k, v] of copied) files.set(k, v);
        jobs.imported++;
        outcome = dryRun ? 'would import' : 'imported';
      }
    } catch (err) {
      jobs.failed++;
      problems.push({ job_number: job.job_number, problem: (err as Error).message });
      outcome = `failed: ${(err as Error).message}`;
    }
    options.progress?.(i + 1, t.jobs.length, job.job_number, outcome);
  }

  // step 4: verify what is here now against the source
  const tables = await countTables(pool, t, dryRun);
  const mismatched: string[] = [];
  let bytes = 0;
  let verified = 0;
  const recorded = files.size && !dryRun ? await listArtifactChecks.run({ paths: [...files.keys()] }, pool) : [];
  const recordedByPath = groupBy(recorded as SourceRow[], 'path');
  await inBatches([...files], 8, async ([key, expected]) => {
    bytes += expected.size;
    if (dryRun) return;
    const wrongRow = (recordedByPath.get(key) ?? []).some((r) => r.sha256 !== expected.sha256 || Number(r.byte_size) !== expected.size);
    if (!wrongRow && (await hashStored(store, key)) === expected.sha256) verified++;
    else mismatched.push(key);
  });
  mismatched.sort();
  const outputsMissing: string[] = [];
  if (!dryRun) for (const o of finalOutputs) if (!(await store.exists(o.key))) outputsMissing.push(`${o.job}: ${o.key}`);
  for (const o of outputsMissing) problems.push({ job_number: o.split(':')[0]!, problem: `final output missing: ${o.slice(o.indexOf(': ') + 2)}` });
  const rowMismatches = dryRun ? 0 : tables.reduce((n, c) => n + Math.abs(c.source - c.skipped - c.target), 0);
  const mismatches = rowMismatches + mismatched.length + outputsMissing.length;
  return {
    ok: problems.length === 0 && mismatches === 0,
    dry_run: dryRun,
    source_revision: source.revision,
    jobs,
    tables,
    rows: tables.reduce((n, c) => n + c.source, 0),
    files: { total: files.size, bytes, verified, mismatched },
    finals: { total: t.job_finals.length, outputs_missing: outputsMissing },
    problems,
    mismatches,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Rows per source table and how many of those ids this server holds (runtime_counters are merged, not copied). */
async function countTables(pool: Pool, t: Source['tables'], dryRun: boolean): Promise<TableCount[]> {
  const counted = SOURCE_TABLES.filter((s) => s !== 'runtime_counters');
  const ids = counted.flatMap((s) => t[s].map((r) => String(r.id)));
  const rows = ids.length && !dryRun ? await countImported.run({ ids }, pool) : [];
  const adminProfiles = t.runtime_profiles.filter((p) => String(p.identity_key).startsWith('admin')).length;
  return counted.map((table: SourceTable) => ({
    table,
    source: t[table].length,
    target: rows.find((r) => r.table === table)?.count ?? 0,
    skipped: table === 'runtime_profiles' ? Math.max(0, adminProfiles - 1) : 0,
  }));
}
