/**
 * The report letter's text model (data-model §7.4): sender, recipient, date, subject, five
 * paragraphs and signature, from the profile, the job's billing facts and the form. Pure;
 * the PDF and DOCX renderers lay it out.
 */
import type { FormData, JobFacts, Profile } from './types.js';

export const RECIPIENT_INDENT = ' '.repeat(40);
export const SUBJECT_MAX = 80;
export const PARAGRAPHS = 5;

export interface Letter {
  /** name, street, "City, State" (no ZIP), phone — each only when set. */
  sender: string[];
  /** billing name, contact, street, "City, State", phone — each only when set. */
  recipient: string[];
  /** `Month DD, YYYY`. */
  date: string;
  /** The subject's value, after the `Subject : ` prefix (≤ 80 characters with the prefix). */
  subject: string;
  /** At least five (padded with empty strings). */
  paragraphs: string[];
  /** name, `ISA - <number>`, phone, email — each only when set. */
  signature: string[];
  /** Whether the signature's first line is the name (bold) and which line is the ISA line. */
  signatureName: boolean;
  signatureIsa: boolean;
  /** `See TRAQ Form job <job_number>` (PDF only). */
  footer: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const clean = (v: unknown): string | null => (typeof v === 'string' && v.replace(/\s+/g, ' ').trim() !== '' ? v.replace(/\s+/g, ' ').trim() : null);

/** `March 05, 2026` from the date's local calendar day (the server's date, as the reference). */
export function letterDate(d: Date): string {
  return `${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, '0')}, ${d.getFullYear()}`;
}

/** A trailing US state + ZIP (`, CA 95670`, ` CA 95670-1234`) or bare ZIP. */
const STATE_ZIP = /,?\s*(?:[A-Z]{2}\s+)?\d{5}(?:-\d{4})?\s*$/;
const TRAILING_ZIP = /,?\s*\d{5}(?:-\d{4})?\s*$/;

/**
 * An address split at its first comma into street and the rest, the ZIP code dropped from
 * the rest ("123 Oak St, Sacramento, CA 95819" → ["123 Oak St", "Sacramento, CA"]).
 */
export function splitAddress(address: string | null | undefined): { street: string | null; cityState: string | null } {
  const a = clean(address);
  if (!a) return { street: null, cityState: null };
  const comma = a.indexOf(',');
  if (comma < 0) return { street: a.replace(STATE_ZIP, '').trim() || a, cityState: null };
  const street = a.slice(0, comma).trim();
  const rest = a.slice(comma + 1).replace(TRAILING_ZIP, '').trim().replace(/,$/, '');
  return { street: street || null, cityState: rest || null };
}

/** The street of an address (before the first comma), without a trailing state/ZIP. */
export function streetOf(address: string | null | undefined): string | null {
  const a = clean(address);
  if (!a) return null;
  const street = a.split(',')[0]!.replace(STATE_ZIP, '').trim();
  return street || null;
}

/** `Subject : Tree species <species>, <street>` cut to 80 characters with an ellipsis; returns the value. */
export function subjectLine(species: string | null, street: string | null): string {
  const parts = [`Tree species ${species ?? ''}`.trim(), street].filter(Boolean).join(', ');
  const prefix = 'Subject : ';
  if (prefix.length + parts.length <= SUBJECT_MAX) return parts;
  return `${parts.slice(0, SUBJECT_MAX - prefix.length - 1).trimEnd()}…`;
}

/**
 * The narrative's paragraphs: split on blank lines, or on single newlines when there is only
 * one block; padded to five. More than five are all kept (nothing the arborist wrote is lost).
 */
export function narrativeParagraphs(text: string | null | undefined): string[] {
  const body = (text ?? '').replace(/\r\n?/g, '\n').trim();
  let parts = body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (parts.length <= 1) parts = body.split('\n').map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  while (parts.length < PARAGRAPHS) parts.push('');
  return parts;
}

export interface LetterInput {
  profile: Profile | null;
  job: JobFacts;
  form: FormData;
  /** The narrative for the letter (polished when a provider is configured). */
  narrative: string;
  date: Date;
}

export function buildLetter(input: LetterInput): Letter {
  const p = input.profile;
  const name = clean(p?.name);
  const senderCityState = [clean(p?.correspondence_city), clean(p?.correspondence_state)].filter(Boolean).join(', ');
  const sender = [name, clean(p?.correspondence_street), senderCityState || null, clean(p?.phone)].filter((x): x is string => !!x);

  const job = input.job;
  const address = clean(job.billing_address) ?? clean(job.job_address) ?? clean(job.customer_address);
  const { street, cityState } = splitAddress(address);
  const recipient = [clean(job.billing_name), clean(job.billing_contact_name), street, cityState, clean(job.job_phone)].filter((x): x is string => !!x);

  const details = (input.form.client_tree_details ?? {}) as Record<string, unknown>;
  const species = clean(details.tree_species) ?? clean(job.tree_species);
  const treeStreet = streetOf(clean(details.address_tree_location) ?? job.job_address);

  const isa = clean(p?.isa_number);
  const signature = [name, isa ? `ISA - ${isa}` : null, clean(p?.phone), clean(p?.correspondence_email)].filter((x): x is string => !!x);
  return {
    sender,
    recipient,
    date: letterDate(input.date),
    subject: subjectLine(species, treeStreet),
    paragraphs: narrativeParagraphs(input.narrative),
    signature,
    signatureName: !!name,
    signatureIsa: !!isa,
    footer: `See TRAQ Form job ${job.job_number ?? job.job_id}`,
  };
}

/** The letter as plain text lines (the DOCX has one paragraph per line). */
export function letterLines(letter: Letter): string[] {
  const lines = [...letter.sender, ''];
  lines.push(...letter.recipient.map((l) => RECIPIENT_INDENT + l));
  lines.push('', letter.date, '', `Subject : ${letter.subject}`, '');
  for (const paragraph of letter.paragraphs) lines.push(paragraph, '');
  lines.push(...letter.signature);
  return lines;
}
