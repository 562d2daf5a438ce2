/** zod schemas shared by the job, lookup and admin routes (they feed /openapi.json too). */
import { z } from 'zod';
import { isTreeNumberInput } from '../../domain/trees.js';

const str = z.string().nullable();
export const JobStatus = z.enum(['NOT_STARTED', 'DRAFT', 'SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'ARCHIVED', 'FAILED']);
export const RoundStatus = z.enum(['DRAFT', 'SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'FAILED']);
/** A whole number, or (leniently) a digit string or one…ten; zero, negative or blank counts as absent; anything else is a 422. */
const TREE_NUMBER_MESSAGE = 'tree_number must be a whole number (digits, or one to ten in words)';
export const TreeNumberInput = z
  .union([z.number(), z.string()], { error: TREE_NUMBER_MESSAGE })
  .refine(isTreeNumberInput, TREE_NUMBER_MESSAGE)
  .nullish();

const project = { project_id: str, project: str, project_slug: str };

export const JobShell = z.object({
  job_id: z.string(),
  job_number: z.string(),
  status: JobStatus,
  ...project,
  customer_name: str,
  tree_number: z.number().int().nullable(),
  address: str,
  tree_species: str,
  reason: str,
  job_name: str,
  job_address: str,
  job_phone: str,
  contact_preference: str,
  billing_name: str,
  billing_address: str,
  billing_contact_name: str,
  location_notes: str,
});

export const StatusResponse = z.object({
  status: JobStatus,
  latest_round_id: str,
  latest_round_status: RoundStatus.nullable(),
  ...project,
  tree_number: z.number().int().nullable(),
  review_ready: z.boolean(),
  server_revision_id: str,
});

export const AssignedJob = z.object({
  job_id: z.string(),
  job_number: z.string(),
  status: z.string(),
  latest_round_id: str,
  latest_round_status: RoundStatus.nullable(),
  customer_name: z.string(),
  address: z.string(),
  tree_species: z.string(),
  job_name: z.string(),
  job_address: z.string(),
  job_phone: z.string(),
  contact_preference: z.string(),
  billing_name: z.string(),
  billing_address: z.string(),
  reason: str,
  billing_contact_name: str,
  location_notes: str,
  ...project,
  tree_number: z.number().int().nullable(),
  server_revision_id: str,
  review_payload: z.record(z.string(), z.unknown()).nullable().describe('Review payload of the latest round, as stored'),
});

export const AdminJob = z.object({
  job_id: z.string(),
  job_number: z.string(),
  status: JobStatus,
  tree_number: z.number().int().nullable(),
  tree_id: str,
  job_name: str,
  job_address: str,
  reason: str,
  location_notes: str,
  tree_species: str,
  customer_id: str,
  customer_code: str,
  customer_name: str,
  address: str,
  job_phone: str,
  billing_profile_id: str,
  billing_code: str,
  billing_name: str,
  billing_address: str,
  billing_contact_name: str,
  contact_preference: str,
  ...project,
  latest_round_id: str,
  latest_round_status: RoundStatus.nullable(),
});

export const Assignment = z.object({
  job_id: z.string(),
  device_id: z.string(),
  assigned_at: z.string().describe('ISO-8601, seconds, Z'),
  assigned_by: z.string(),
});

export const Customer = z.object({ customer_id: z.string(), customer_code: z.string(), name: z.string(), phone: str, address: str });

export const CustomerLookup = z.object({
  customer_id: z.string(),
  customer_code: z.string(),
  customer_name: z.string(),
  job_name: z.string(),
  job_address: str,
  job_phone: str,
});

export const BillingProfile = z.object({
  billing_profile_id: z.string(),
  billing_code: z.string(),
  billing_name: str,
  billing_contact_name: str,
  billing_address: str,
  contact_preference: str,
});

export const Project = z.object({ project_id: z.string(), project: z.string(), project_slug: z.string() });
export const ProjectList = z.object({ ok: z.literal(true), projects: z.array(Project) });

export const JobIdParams = z.object({ job_id: z.string() });
export const JobRefParams = z.object({ job_ref: z.string() });
export const RefParams = z.object({ ref: z.string() });
