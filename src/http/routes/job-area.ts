import type { Api } from '../api.js';
import type { AppDeps } from '../app.js';
import { adminCustomerRoutes } from './admin-customers.js';
import { adminJobRoutes } from './admin-jobs.js';
import { adminProjectRoutes } from './admin-projects.js';
import { jobRoutes } from './jobs.js';
import { lookupRoutes } from './lookups.js';

/** Jobs, lookups, customers, billing profiles and projects (issue #4), in the order their paths must be matched. */
export function jobAreaRoutes(api: Api, deps: AppDeps) {
  lookupRoutes(api, deps);
  jobRoutes(api, deps);
  adminJobRoutes(api, deps);
  adminCustomerRoutes(api, deps);
  adminProjectRoutes(api, deps);
}
