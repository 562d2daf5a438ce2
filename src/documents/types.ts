/**
 * Shapes shared by the final-output renderers (data-model §6.1, §7).
 * The form data stays loosely typed on purpose: stored forms tolerate extra keys
 * and every leaf is nullable, so the renderers read it defensively.
 */
import type { Readable } from 'node:stream';

export type FormData = Record<string, unknown>;

export interface TraqForm {
  schema_name: string;
  schema_version: string;
  data: FormData;
}

/** ProfilePayload of api.md §2.3: always all eight keys, null when absent. */
export interface Profile {
  name: string | null;
  phone: string | null;
  isa_number: string | null;
  correspondence_street: string | null;
  correspondence_city: string | null;
  correspondence_state: string | null;
  correspondence_zip: string | null;
  correspondence_email: string | null;
}

export const PROFILE_KEYS = [
  'name',
  'phone',
  'isa_number',
  'correspondence_street',
  'correspondence_city',
  'correspondence_state',
  'correspondence_zip',
  'correspondence_email',
] as const satisfies readonly (keyof Profile)[];

/** One `report_images` entry of final.json. `stored_path` is absent only in legacy payloads (J0003). */
export interface ReportImage {
  path: string;
  stored_path?: string;
  caption: string | null;
  uploaded_at: string | null;
}

/** FinalPayload (data-model §7.1): exactly the runtime keys, in api.md §5.2 order. */
export interface FinalPayload {
  job_id: string;
  round_id: string;
  server_revision_id: string;
  client_revision_id: string;
  archived_at: string;
  transcript: string;
  form: TraqForm;
  narrative: { text: string } & Record<string, unknown>;
  user_name: string | null;
  profile: Profile | null;
  report_images: ReportImage[];
}

/** The job row facts the letter and GeoJSON need (jobs + joined customer/billing, data-model §1.3). */
export interface JobFacts {
  job_id: string;
  job_number: string | null;
  job_address?: string | null;
  /** The customer's phone (`details_json.job_phone`). */
  job_phone?: string | null;
  /** The customer's address (`details_json.address`), the last fallback for the recipient block. */
  customer_address?: string | null;
  tree_species?: string | null;
  billing_name?: string | null;
  billing_contact_name?: string | null;
  billing_address?: string | null;
}

/** A photo for the letter: its caption and its bytes (a Buffer or a stream the renderer drains). */
export interface LetterImage {
  caption: string | null;
  data: Uint8Array | Readable | AsyncIterable<Uint8Array>;
}
