import { z } from 'zod';
import { ADDRESS_MAX } from '../fields.js';
import {
  billingUsageReport,
  billingView,
  createBilling,
  deleteUnusedBilling,
  duplicateBilling,
  mergeBilling,
  billingPage,
  updateBillingFields,
} from '../../domain/billing.js';
import {
  createCustomer,
  customerUsageReport,
  customerView,
  deleteUnusedCustomer,
  duplicateCustomers,
  mergeCustomers,
  customerPage,
  updateCustomerFields,
} from '../../domain/customers.js';
import { withTransaction } from '../../db/tx.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { BillingProfile, Customer, JobStatus, RefParams } from './job-schemas.js';

const text = z.string().max(ADDRESS_MAX).nullish();
/** Admin lists are paged (issue 16): `limit` per page, then `after` = the previous answer's `next_after`. */
export const DEFAULT_LIST_PAGE = 100;
const Search = z.object({
  search: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(DEFAULT_LIST_PAGE).describe(`Rows per page (default ${DEFAULT_LIST_PAGE})`),
  after: z.string().max(32).optional().describe('Continue after this code: next_after of the previous page'),
});
const paging = { has_more: z.boolean(), next_after: z.string().nullable().describe('Pass as after= for the next page; null on the last page') };
const Merge = z.object({ into: z.string().describe('Target: UUID or code') });
const ok = z.literal(true);
const BillingFields = z.object({
  billing_name: z.string().max(255).nullish(),
  billing_contact_name: z.string().max(255).nullish(),
  billing_address: text,
  contact_preference: z.string().max(64).nullish(),
});
const phone = z.string().max(64).nullish();

/** Admin customers and billing profiles (api.md §2.13). `/duplicates` is declared before the :ref patterns. */
export function adminCustomerRoutes(api: Api, deps: AppDeps) {
  const { pool } = deps;
  const tx = <T>(work: Parameters<typeof withTransaction<T>>[1]) => withTransaction(pool, work);

  // customers
  let tag = 'admin: customers';
  api.route({
    method: 'get',
    path: '/v1/admin/customers',
    tag,
    summary: 'Customers (search: code, name, phone, address)',
    auth: 'admin',
    query: Search,
    response: z.object({ ok, customers: z.array(Customer), ...paging }),
    handler: async (_ctx, { query }) => ({ ok: true as const, ...(await customerPage(pool, query.search, query)) }),
  });
  api.route({
    method: 'get',
    path: '/v1/admin/customers/duplicates',
    tag,
    summary: 'Customers sharing a name (trimmed, case-insensitive)',
    auth: 'admin',
    response: z.object({
      ok,
      duplicates: z.array(z.object({ match_type: z.literal('customer_name'), normalized_name: z.string(), count: z.number().int(), records: z.array(Customer) })),
    }),
    handler: async () => ({ ok: true as const, duplicates: await duplicateCustomers(pool) }),
  });
  api.route({
    method: 'post',
    path: '/v1/admin/customers',
    tag,
    summary: 'Create a customer (always new, next C code)',
    auth: 'admin',
    body: z.object({ name: z.string().max(255), phone, address: text }),
    response: z.object({ ok, customer: Customer }),
    handler: async (_ctx, { body, principal }) => tx(async (t) => ({ ok: true as const, customer: customerView(await createCustomer(t, principal, body)) })),
  });
  api.route({
    method: 'patch',
    path: '/v1/admin/customers/:ref',
    tag,
    summary: 'Update a customer (null = unchanged; blank phone/address clears)',
    auth: 'admin',
    params: RefParams,
    body: z.object({ name: z.string().max(255).nullish(), phone, address: text }),
    response: z.object({ ok, customer: Customer }),
    handler: async (_ctx, { params, body, principal }) =>
      tx(async (t) => ({ ok: true as const, customer: customerView(await updateCustomerFields(t, principal, params.ref, body)) })),
  });
  api.route({
    method: 'get',
    path: '/v1/admin/customers/:ref/usage',
    tag,
    summary: 'Jobs and trees of a customer',
    auth: 'admin',
    params: RefParams,
    response: z.object({
      ok,
      customer: Customer,
      job_count: z.number().int(),
      tree_count: z.number().int(),
      job_numbers: z.array(z.string()),
      jobs: z.array(
        z.object({
          job_number: z.string(),
          job_id: z.string(),
          billing_code: z.string().nullable(),
          billing_name: z.string().nullable(),
          tree_number: z.number().int().nullable(),
          status: JobStatus,
        }),
      ),
    }),
    handler: async (_ctx, { params }) => customerUsageReport(pool, params.ref),
  });
  api.route({
    method: 'post',
    path: '/v1/admin/customers/:ref/merge',
    tag,
    summary: 'Merge a customer into another (jobs and trees move; clashing tree numbers merge)',
    auth: 'admin',
    params: RefParams,
    body: Merge,
    response: z.object({
      ok,
      source_customer: Customer,
      target_customer: Customer,
      moved_job_count: z.number().int(),
      moved_tree_count: z.number().int(),
      merged_tree_count: z.number().int(),
    }),
    handler: async (_ctx, { params, body, principal }) => tx((t) => mergeCustomers(t, principal, params.ref, body.into)),
  });
  api.route({
    method: 'delete',
    path: '/v1/admin/customers/:ref',
    tag,
    summary: 'Delete an unused customer',
    auth: 'admin',
    params: RefParams,
    response: z.object({ ok, deleted: z.literal(true), customer: Customer }),
    handler: async (_ctx, { params, principal }) => tx((t) => deleteUnusedCustomer(t, principal, params.ref)),
  });

  // billing profiles
  tag = 'admin: billing profiles';
  api.route({
    method: 'get',
    path: '/v1/admin/billing-profiles',
    tag,
    summary: 'Billing profiles (search: code, name, contact, address)',
    auth: 'admin',
    query: Search,
    response: z.object({ ok, billing_profiles: z.array(BillingProfile), ...paging }),
    handler: async (_ctx, { query }) => ({ ok: true as const, ...(await billingPage(pool, query.search, query)) }),
  });
  api.route({
    method: 'get',
    path: '/v1/admin/billing-profiles/duplicates',
    tag,
    summary: 'Billing profiles sharing a billing name (trimmed, case-insensitive)',
    auth: 'admin',
    response: z.object({
      ok,
      duplicates: z.array(
        z.object({ match_type: z.literal('billing_name'), normalized_billing_name: z.string(), count: z.number().int(), records: z.array(BillingProfile) }),
      ),
    }),
    handler: async () => ({ ok: true as const, duplicates: await duplicateBilling(pool) }),
  });
  api.route({
    method: 'post',
    path: '/v1/admin/billing-profiles',
    tag,
    summary: 'Create a billing profile (always new, next B code)',
    auth: 'admin',
    body: BillingFields,
    response: z.object({ ok, billing_profile: BillingProfile }),
    handler: async (_ctx, { body, principal }) => tx(async (t) => ({ ok: true as const, billing_profile: billingView(await createBilling(t, principal, body)) })),
  });
  api.route({
    method: 'patch',
    path: '/v1/admin/billing-profiles/:ref',
    tag,
    summary: 'Update a billing profile (null = unchanged; blank clears)',
    auth: 'admin',
    params: RefParams,
    body: BillingFields,
    response: z.object({ ok, billing_profile: BillingProfile }),
    handler: async (_ctx, { params, body, principal }) =>
      tx(async (t) => ({ ok: true as const, billing_profile: billingView(await updateBillingFields(t, principal, params.ref, body)) })),
  });
  api.route({
    method: 'get',
    path: '/v1/admin/billing-profiles/:ref/usage',
    tag,
    summary: 'Jobs billed to a profile',
    auth: 'admin',
    params: RefParams,
    response: z.object({
      ok,
      billing_profile: BillingProfile,
      job_count: z.number().int(),
      job_numbers: z.array(z.string()),
      jobs: z.array(
        z.object({
          job_number: z.string(),
          job_id: z.string(),
          customer_code: z.string().nullable(),
          customer_name: z.string().nullable(),
          tree_number: z.number().int().nullable(),
          status: JobStatus,
        }),
      ),
    }),
    handler: async (_ctx, { params }) => billingUsageReport(pool, params.ref),
  });
  api.route({
    method: 'post',
    path: '/v1/admin/billing-profiles/:ref/merge',
    tag,
    summary: 'Merge a billing profile into another (jobs move)',
    auth: 'admin',
    params: RefParams,
    body: Merge,
    response: z.object({ ok, source_billing_profile: BillingProfile, target_billing_profile: BillingProfile, moved_job_count: z.number().int() }),
    handler: async (_ctx, { params, body, principal }) => tx((t) => mergeBilling(t, principal, params.ref, body.into)),
  });
  api.route({
    method: 'delete',
    path: '/v1/admin/billing-profiles/:ref',
    tag,
    summary: 'Delete an unused billing profile',
    auth: 'admin',
    params: RefParams,
    response: z.object({ ok, deleted: z.literal(true), billing_profile: BillingProfile }),
    handler: async (_ctx, { params, principal }) => tx((t) => deleteUnusedBilling(t, principal, params.ref)),
  });
}
