import { z } from 'zod';
import { billingView, searchBillingRows } from '../../domain/billing.js';
import { customerLookupView, searchCustomerRows } from '../../domain/customers.js';
import { listProjectRows, projectView } from '../../domain/projects.js';
import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { BillingProfile, CustomerLookup, ProjectList } from './job-schemas.js';

const Query = z.object({ query: z.string().optional().describe('Case-insensitive substring of code, name, phone/contact or address') });

/** Prefill lists for "Start New Job" (api.md §2.4). */
export function lookupRoutes(api: Api, deps: AppDeps) {
  api.route({
    method: 'get',
    path: '/v1/customers',
    tag: 'lookups',
    summary: 'Customers for job prefill',
    auth: 'any',
    query: Query,
    response: z.array(CustomerLookup),
    handler: async (_ctx, { query }) => (await searchCustomerRows(deps.pool, query.query)).map(customerLookupView),
  });
  api.route({
    method: 'get',
    path: '/v1/billing-profiles',
    tag: 'lookups',
    summary: 'Billing profiles for job prefill',
    auth: 'any',
    query: Query,
    response: z.array(BillingProfile),
    handler: async (_ctx, { query }) => (await searchBillingRows(deps.pool, query.query)).map(billingView),
  });
  api.route({
    method: 'get',
    path: '/v1/projects',
    tag: 'lookups',
    summary: 'Projects, by name',
    auth: 'any',
    response: ProjectList,
    handler: async () => ({ ok: true as const, projects: (await listProjectRows(deps.pool)).map(projectView) }),
  });
}
