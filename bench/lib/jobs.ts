import type { Request } from './harness.js';

/** POST /v1/jobs as a phone sends it: 25 customers and 10 payers reused, so lookups hit as well as miss. */
export const createJob = (token: string): Request => ({
  method: 'POST',
  path: '/v1/jobs',
  headers: { 'x-api-key': token },
  body: (i) => ({
    job_name: `Job ${i}`,
    job_address: `${i} Elm Street`,
    job_phone: `916 555 ${i % 25}`,
    contact_preference: 'text',
    billing_name: `Payer ${i % 10}`,
    billing_address: 'Bill St',
    customer_name: `Customer ${i % 25}`,
  }),
});
