import type { Pool, PoolClient } from '../db/pool.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import {
  customerJobs,
  customerUsage,
  deleteClashingSourceTrees,
  deleteCustomer,
  findCustomerByRef,
  findCustomerExact,
  insertCustomer,
  lockCustomerName,
  listDuplicateCustomers,
  lockCustomer,
  lockCustomerJobs,
  moveCustomerJobs,
  moveTrees,
  repointJobsToTargetTrees,
  searchCustomers,
  updateCustomer,
  type IFindCustomerByRefResult as CustomerRow,
} from '../queries/customers.queries.js';
import { allocateCode } from './counters.js';
import { recordEvent, type Actor } from './events.js';
import { clean } from './text.js';

export type { CustomerRow };

/** The admin customer object of api.md §2.13. */
export const customerView = (c: CustomerRow) => ({
  customer_id: c.id,
  customer_code: c.customer_code,
  name: c.name,
  phone: c.phone,
  address: c.address,
});

/** The device lookup item of api.md §2.4 (job_name repeats the name). */
export const customerLookupView = (c: CustomerRow) => ({
  customer_id: c.id,
  customer_code: c.customer_code,
  customer_name: c.name,
  job_name: c.name,
  job_address: c.address,
  job_phone: c.phone,
});

export interface CustomerFields {
  name?: string | null;
  phone?: string | null;
  address?: string | null;
}

async function insertNew(tx: PoolClient, name: string, phone: string | null, address: string | null): Promise<CustomerRow> {
  const code = await allocateCode(tx, 'customer_code');
  const [row] = await insertCustomer.run({ code, name, phone, address }, tx);
  return row!;
}

/** A customer's identity as job creation matches it, and the existing customer it matched (null: a new one is needed). */
export interface ReusableCustomer {
  name: string;
  phone: string | null;
  address: string | null;
  existing: CustomerRow | null;
}

/**
 * The reuse half of reuse-or-create for device job creation (data-model §2):
 * exact NULL-safe match on trimmed (name, phone, address). Customers of this
 * name are locked (advisory, until the transaction ends) before the lookup,
 * so two concurrent creates for a new customer make one. The code of a new
 * customer is allocated by the job's final insert (InsertDeviceJob).
 */
export async function findReusableCustomer(tx: PoolClient, fields: CustomerFields): Promise<ReusableCustomer> {
  const name = clean(fields.name);
  if (!name) throw problems.customerNameRequired();
  const phone = clean(fields.phone);
  const address = clean(fields.address);
  await lockCustomerName.run({ name }, tx);
  const [found] = await findCustomerExact.run({ name, phone, address }, tx);
  return { name, phone, address, existing: found ?? null };
}

export async function findCustomer(db: Pool | PoolClient, ref: string): Promise<CustomerRow> {
  const [row] = await findCustomerByRef.run({ ref: ref.trim() }, db);
  if (!row) throw problems.customerNotFound(ref);
  return row;
}

/**
 * The customer, locked, read again after the lock: a concurrent DELETE that
 * committed while we waited makes this a 404 (it used to be a 500 TypeError),
 * and a concurrent update is seen before this one builds on it.
 */
async function lockFoundCustomer(tx: PoolClient, ref: string): Promise<CustomerRow> {
  const found = await findCustomer(tx, ref);
  if ((await lockCustomer.run({ id: found.id }, tx)).length === 0) throw problems.customerNotFound(ref);
  return findCustomer(tx, found.id);
}

/** One page of a search: rows after the code `after`, at most `limit` (absent: every match). */
export interface SearchPage {
  limit: number;
  after?: string | undefined;
}

export const searchCustomerRows = (db: Pool, search: string | undefined, page?: SearchPage) =>
  searchCustomers.run({ search: clean(search), after: clean(page?.after), limit: page ? page.limit : null }, db);

/** A page of the admin list and where the next one starts (null: this was the last). */
export async function customerPage(db: Pool, search: string | undefined, page: SearchPage) {
  const rows = await searchCustomerRows(db, search, { ...page, limit: page.limit + 1 });
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return { customers: shown.map(customerView), has_more: more, next_after: more ? shown.at(-1)!.customer_code : null };
}

/** Admin create: always a new customer with the next code. */
export async function createCustomer(tx: PoolClient, actor: Actor, fields: CustomerFields): Promise<CustomerRow> {
  const name = clean(fields.name);
  if (!name) throw problems.customerNameRequired();
  const row = await insertNew(tx, name, clean(fields.phone), clean(fields.address));
  await recordEvent(tx, { type: 'customer_created', actor, payload: { customer_code: row.customer_code } });
  return row;
}

/** Admin update: null/absent = unchanged; a blank phone or address clears it; a blank name is refused. */
export async function updateCustomerFields(tx: PoolClient, actor: Actor, ref: string, fields: CustomerFields): Promise<CustomerRow> {
  const current = await lockFoundCustomer(tx, ref);
  let name = current.name;
  if (fields.name !== undefined && fields.name !== null) {
    const n = clean(fields.name);
    if (!n) throw problems.customerNameBlank();
    name = n;
  }
  const phone = fields.phone === undefined || fields.phone === null ? current.phone : clean(fields.phone);
  const address = fields.address === undefined || fields.address === null ? current.address : clean(fields.address);
  const [row] = await updateCustomer.run({ id: current.id, name, phone, address }, tx);
  // Which fields changed, not their values: the audit trail is kept forever, personal details need not be.
  const changed = (['name', 'phone', 'address'] as const).filter((k) => row![k] !== current[k]);
  await recordEvent(tx, { type: 'customer_updated', actor, payload: { customer_code: current.customer_code, changed } });
  return row!;
}

export async function customerUsageReport(db: Pool, ref: string) {
  const customer = await findCustomer(db, ref);
  const [counts] = await customerUsage.run({ id: customer.id }, db);
  const jobs = await customerJobs.run({ id: customer.id }, db);
  return {
    ok: true as const,
    customer: customerView(customer),
    job_count: counts!.job_count,
    tree_count: counts!.tree_count,
    job_numbers: jobs.map((j) => j.job_number),
    jobs: jobs.map((j) => ({
      job_number: j.job_number,
      job_id: j.job_id,
      billing_code: j.billing_code,
      billing_name: j.billing_name,
      tree_number: j.tree_number,
      status: j.status,
    })),
  };
}

/** Groups of customers sharing a trimmed, lower-cased name. */
export async function duplicateCustomers(db: Pool) {
  const groups = new Map<string, CustomerRow[]>();
  for (const r of await listDuplicateCustomers.run(undefined, db)) {
    const list = groups.get(r.normalized_name) ?? [];
    list.push(r);
    groups.set(r.normalized_name, list);
  }
  return [...groups].map(([normalized, rows]) => ({
    match_type: 'customer_name' as const,
    normalized_name: normalized,
    count: rows.length,
    records: rows.map(customerView),
  }));
}

/**
 * Moves the source's jobs and trees to the target and deletes the source.
 * Source trees whose number the target already has are merged into the
 * target's tree (their jobs re-pointed, the source tree deleted).
 */
export async function mergeCustomers(tx: PoolClient, actor: Principal, sourceRef: string, targetRef: string) {
  const source = await findCustomer(tx, sourceRef);
  const target = await findCustomer(tx, targetRef);
  if (source.id === target.id) throw problems.customerMergeSame();
  // Jobs first, then both customers in a fixed order: the order every other writer uses, so no deadlock.
  await lockCustomerJobs.run({ source: source.id }, tx);
  for (const id of [source.id, target.id].sort()) await lockCustomer.run({ id }, tx);
  await repointJobsToTargetTrees.run({ source: source.id, target: target.id }, tx);
  const merged = await deleteClashingSourceTrees.run({ source: source.id, target: target.id }, tx);
  const moved = await moveTrees.run({ source: source.id, target: target.id }, tx);
  const jobs = await moveCustomerJobs.run({ source: source.id, target: target.id }, tx);
  await deleteCustomer.run({ id: source.id }, tx);
  const result = {
    moved_job_count: jobs.length,
    moved_tree_count: moved.length,
    merged_tree_count: merged.length,
  };
  await recordEvent(tx, {
    type: 'customer_merged',
    actor,
    payload: { source_customer_code: source.customer_code, target_customer_code: target.customer_code, ...result },
  });
  return { ok: true as const, source_customer: customerView(source), target_customer: customerView(target), ...result };
}

/** Deletes an unused customer; refused while a job or a tree refers to it. */
export async function deleteUnusedCustomer(tx: PoolClient, actor: Actor, ref: string) {
  const customer = await lockFoundCustomer(tx, ref);
  const [counts] = await customerUsage.run({ id: customer.id }, tx);
  if (counts!.job_count > 0) throw problems.customerHasJobs(customer.customer_code, counts!.job_count);
  if (counts!.tree_count > 0) throw problems.customerHasTrees(customer.customer_code, counts!.tree_count);
  await deleteCustomer.run({ id: customer.id }, tx);
  await recordEvent(tx, { type: 'customer_deleted', actor, payload: { customer_code: customer.customer_code } });
  return { ok: true as const, deleted: true as const, customer: customerView(customer) };
}
