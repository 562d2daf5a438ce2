import type { Pool, PoolClient } from '../db/pool.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import {
  billingJobs,
  deleteBilling,
  findBillingByRef,
  findBillingExact,
  insertBilling,
  listDuplicateBilling,
  lockBilling,
  lockBillingName,
  moveBillingJobs,
  searchBilling,
  updateBilling,
  type IFindBillingByRefResult as BillingRow,
} from '../queries/billing.queries.js';
import { allocateCode } from './counters.js';
import type { SearchPage } from './customers.js';
import { recordEvent, type Actor } from './events.js';
import { clean } from './text.js';

export type { BillingRow };

export interface BillingFields {
  billing_name?: string | null;
  billing_contact_name?: string | null;
  billing_address?: string | null;
  contact_preference?: string | null;
}

/** The billing object of api.md §2.4 / §2.13 (same fields in both). */
export const billingView = (b: BillingRow) => ({
  billing_profile_id: b.id,
  billing_code: b.billing_code,
  billing_name: b.billing_name,
  billing_contact_name: b.billing_contact_name,
  billing_address: b.billing_address,
  contact_preference: b.contact_preference,
});

const cleaned = (f: BillingFields) => ({
  billingName: clean(f.billing_name),
  billingContactName: clean(f.billing_contact_name),
  billingAddress: clean(f.billing_address),
  contactPreference: clean(f.contact_preference),
});

async function insertNew(tx: PoolClient, fields: BillingValues): Promise<BillingRow> {
  const code = await allocateCode(tx, 'billing_code');
  const [row] = await insertBilling.run({ code, ...fields }, tx);
  return row!;
}

export type BillingValues = ReturnType<typeof cleaned>;

/**
 * The reuse half of reuse-or-create for device job creation: exact NULL-safe
 * match on the four trimmed fields, under an advisory lock on the name (so
 * concurrent creates make one profile). null: no billing details at all.
 * The code of a new profile is allocated by the job's final insert.
 */
export async function findReusableBilling(tx: PoolClient, fields: BillingFields): Promise<{ values: BillingValues; existing: BillingRow | null } | null> {
  const values = cleaned(fields);
  if (Object.values(values).every((v) => v === null)) return null;
  await lockBillingName.run({ billingName: values.billingName }, tx);
  const [found] = await findBillingExact.run(values, tx);
  return { values, existing: found ?? null };
}

export async function findBilling(db: Pool | PoolClient, ref: string): Promise<BillingRow> {
  const [row] = await findBillingByRef.run({ ref: ref.trim() }, db);
  if (!row) throw problems.billingNotFound(ref);
  return row;
}

/**
 * The profile, locked, read again after the lock: a concurrent DELETE that
 * committed while we waited makes this a 404 (it used to be a 500 TypeError).
 */
async function lockFoundBilling(tx: PoolClient, ref: string): Promise<BillingRow> {
  const found = await findBilling(tx, ref);
  if ((await lockBilling.run({ id: found.id }, tx)).length === 0) throw problems.billingNotFound(ref);
  return findBilling(tx, found.id);
}

export const searchBillingRows = (db: Pool, search: string | undefined, page?: SearchPage) =>
  searchBilling.run({ search: clean(search), after: clean(page?.after), limit: page ? page.limit : null }, db);

/** A page of the admin list and where the next one starts (null: this was the last). */
export async function billingPage(db: Pool, search: string | undefined, page: SearchPage) {
  const rows = await searchBillingRows(db, search, { ...page, limit: page.limit + 1 });
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return { billing_profiles: shown.map(billingView), has_more: more, next_after: more ? shown.at(-1)!.billing_code : null };
}

/** Admin create: always a new profile, even with every field empty. */
export async function createBilling(tx: PoolClient, actor: Actor, fields: BillingFields): Promise<BillingRow> {
  const row = await insertNew(tx, cleaned(fields));
  await recordEvent(tx, { type: 'billing_profile_created', actor, payload: { billing_code: row.billing_code } });
  return row;
}

/** Admin update: null/absent = unchanged, blank clears. */
export async function updateBillingFields(tx: PoolClient, actor: Actor, ref: string, fields: BillingFields): Promise<BillingRow> {
  const current = await lockFoundBilling(tx, ref);
  const pick = (given: string | null | undefined, old: string | null) => (given === undefined || given === null ? old : clean(given));
  const [row] = await updateBilling.run(
    {
      id: current.id,
      billingName: pick(fields.billing_name, current.billing_name),
      billingContactName: pick(fields.billing_contact_name, current.billing_contact_name),
      billingAddress: pick(fields.billing_address, current.billing_address),
      contactPreference: pick(fields.contact_preference, current.contact_preference),
    },
    tx,
  );
  const changed = (['billing_name', 'billing_contact_name', 'billing_address', 'contact_preference'] as const).filter((k) => row![k] !== current[k]);
  await recordEvent(tx, { type: 'billing_profile_updated', actor, payload: { billing_code: current.billing_code, changed } });
  return row!;
}

export async function billingUsageReport(db: Pool, ref: string) {
  const billing = await findBilling(db, ref);
  const jobs = await billingJobs.run({ id: billing.id }, db);
  return {
    ok: true as const,
    billing_profile: billingView(billing),
    job_count: jobs.length,
    job_numbers: jobs.map((j) => j.job_number),
    jobs: jobs.map((j) => ({
      job_number: j.job_number,
      job_id: j.job_id,
      customer_code: j.customer_code,
      customer_name: j.customer_name,
      tree_number: j.tree_number,
      status: j.status,
    })),
  };
}

/** Groups of profiles sharing a trimmed, lower-cased billing name. */
export async function duplicateBilling(db: Pool) {
  const groups = new Map<string, BillingRow[]>();
  for (const r of await listDuplicateBilling.run(undefined, db)) {
    const list = groups.get(r.normalized_billing_name) ?? [];
    list.push(r);
    groups.set(r.normalized_billing_name, list);
  }
  return [...groups].map(([normalized, rows]) => ({
    match_type: 'billing_name' as const,
    normalized_billing_name: normalized,
    count: rows.length,
    records: rows.map(billingView),
  }));
}

export async function mergeBilling(tx: PoolClient, actor: Principal, sourceRef: string, targetRef: string) {
  const source = await findBilling(tx, sourceRef);
  const target = await findBilling(tx, targetRef);
  if (source.id === target.id) throw problems.billingMergeSame();
  for (const id of [source.id, target.id].sort()) await lockBilling.run({ id }, tx);
  const moved = await moveBillingJobs.run({ source: source.id, target: target.id }, tx);
  await deleteBilling.run({ id: source.id }, tx);
  await recordEvent(tx, {
    type: 'billing_profile_merged',
    actor,
    payload: { source_billing_code: source.billing_code, target_billing_code: target.billing_code, moved_job_count: moved.length },
  });
  return {
    ok: true as const,
    source_billing_profile: billingView(source),
    target_billing_profile: billingView(target),
    moved_job_count: moved.length,
  };
}

export async function deleteUnusedBilling(tx: PoolClient, actor: Actor, ref: string) {
  const billing = await lockFoundBilling(tx, ref);
  const jobs = await billingJobs.run({ id: billing.id }, tx);
  if (jobs.length > 0) throw problems.billingHasJobs(billing.billing_code, jobs.length);
  await deleteBilling.run({ id: billing.id }, tx);
  await recordEvent(tx, { type: 'billing_profile_deleted', actor, payload: { billing_code: billing.billing_code } });
  return { ok: true as const, deleted: true as const, billing_profile: billingView(billing) };
}
