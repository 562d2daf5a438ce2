/**
 * The catalogue of deliberate errors. Every failure a client can see is made
 * here, with its HTTP status, a stable snake_case `code` and the `detail` text
 * the field app expects (api.md). The domain and the handlers throw these; the
 * error middleware (src/http) turns them into `{"detail": ..., "code": ...}`.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: unknown,
    readonly headers: Record<string, string> = {},
    /** What went wrong underneath, for the log only (the error middleware logs it; the client never sees it). */
    override readonly cause?: unknown,
  ) {
    super(typeof detail === 'string' ? detail : code);
  }
}

/** How much of a client's value an error message may quote. */
export const QUOTE_CHARS = 64;

/** At most QUOTE_CHARS of a client's value, for error messages (a 900 KB value must not come back in a 422). */
export const quote = (value: string) => (value.length > QUOTE_CHARS ? `${value.slice(0, QUOTE_CHARS)}…` : value);

export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export const problems = {
  // generic
  validation: (issues: ValidationIssue[]) => new Problem(422, 'validation_failed', issues),
  routeNotFound: () => new Problem(404, 'not_found', 'Not Found'),
  methodNotAllowed: (allow: string) => new Problem(405, 'method_not_allowed', 'Method Not Allowed', allow ? { Allow: allow } : {}),
  payloadTooLarge: (limitBytes: number) =>
    new Problem(413, 'payload_too_large', `Request body is larger than the limit of ${limitBytes} bytes`),
  unsupportedMediaType: (detail: string) => new Problem(415, 'unsupported_media_type', detail),
  rateLimited: (retryAfterSeconds: number) =>
    new Problem(429, 'rate_limited', 'Too many requests; retry later', { 'Retry-After': String(retryAfterSeconds) }),
  internal: () => new Problem(500, 'internal_error', 'Internal Server Error'),
  databaseUnavailable: (retryAfterSeconds = 2) =>
    new Problem(503, 'database_unavailable', 'Database unavailable; retry later', { 'Retry-After': String(retryAfterSeconds) }),
  storageUnavailable: (retryAfterSeconds = 5) =>
    new Problem(503, 'storage_unavailable', 'Artifact storage unavailable; retry later', { 'Retry-After': String(retryAfterSeconds) }),
  storageFull: () => new Problem(507, 'storage_full', 'The server has no space left to store this; nothing was stored'),

  // auth (api.md §1.3, exact texts)
  invalidCredentials: () => new Problem(401, 'invalid_credentials', 'Invalid credentials'),
  adminRequired: () => new Problem(403, 'admin_required', 'Admin role required'),
  deviceIdentityRequired: () => new Problem(403, 'device_identity_required', 'Device identity required'),

  // devices and tokens (api.md §2.2, §2.13 "Devices"; decision 2). The old server's Python quote
  // artifacts ('Device not found: x') are dropped.
  deviceIdRequired: () => new Problem(400, 'device_id_required', 'device_id is required'),
  deviceNotFound: (deviceId?: string) =>
    new Problem(404, 'device_not_found', deviceId === undefined ? 'Device not found' : `Device not found: ${quote(deviceId)}`),
  deviceStatusIs: (status: string) => new Problem(403, 'device_not_approved', `Device status is ${quote(status)}`),
  deviceNotApproved: () => new Problem(403, 'device_not_approved', 'Device is not approved'),
  deviceSecretInvalid: () => new Problem(403, 'device_secret_invalid', 'device_secret does not match this device'),
  deviceSecretRequired: () =>
    new Problem(
      403,
      'device_secret_required',
      'device_secret is required: the pairing window for clients without a secret is closed or was already used; ask an admin to approve the device again',
    ),
  invalidDeviceRole: (role: string) => new Problem(400, 'invalid_device_role', `'${quote(role)}' is not a valid DeviceRole`),
  invalidDeviceStatus: (status: string) => new Problem(400, 'invalid_device_status', `'${quote(status)}' is not a valid DeviceStatus`),

  // job access (api.md §1.7; no silent claiming)
  jobNotFound: () => new Problem(404, 'job_not_found', 'Job not found'),
  jobAssignedToOtherDevice: () => new Problem(403, 'job_assigned_to_other_device', 'Job is assigned to another device'),
  jobNotAssigned: () => new Problem(403, 'job_not_assigned', 'Job is not assigned to this device'),

  // export feed (api.md §6)
  invalidCursor: (cursor: string) => new Problem(400, 'invalid_cursor', `Invalid cursor: ${quote(cursor)}`),
  invalidImageVariant: (variant: string) => new Problem(400, 'invalid_image_variant', `Invalid variant: ${quote(variant)} (use auto, original or report)`),
  exportImageArtifactNotFound: () => new Problem(404, 'image_artifact_not_found', 'Image artifact not found'),
  reportImageNotFound: () => new Problem(404, 'report_image_not_found', 'Report image not found'),
  geojsonNotFound: () => new Problem(404, 'geojson_not_found', 'GeoJSON not found'),
  // rounds and media (api.md §2.6, §2.7, §3.3; issue #5)
  roundNotFound: () => new Problem(404, 'round_not_found', 'Round not found'),
  imageNotFound: () => new Problem(404, 'image_not_found', 'Image not found'),
  jobLockedWhileProcessing: () => new Problem(409, 'job_processing', 'Job is locked while processing. Wait for review.'),
  jobLocked: () => new Problem(409, 'job_locked', 'Job is locked. Admin must reopen round to DRAFT.'),
  roundLocked: () => new Problem(409, 'round_locked', 'Round is locked. Admin must reopen to DRAFT.'),
  jobArchived: () =>
    new Problem(
      409,
      'job_archived',
      'Job is archived. Open a correction round (POST /v1/jobs/{job_id}/rounds) or ask an admin to reopen a round.',
    ),
  roundSuperseded: (roundId: string, latest: string | null) =>
    new Problem(409, 'round_superseded', `Round ${quote(roundId)} is not the job's latest round (${quote(latest ?? 'none')}); only the latest round accepts changes.`),
  noActiveRound: (what: 'recording upload' | 'image upload' | 'image patch') =>
    new Problem(400, 'no_active_round', `No active round for ${what}`),
  emptyUpload: (what: 'recording' | 'image') => new Problem(400, 'empty_payload', `Empty ${what} payload`),
  imagesOnlyInJobPhotos: () => new Problem(400, 'images_only_in_job_photos', "Images must use section_id='job_photos'"),
  imageLimit: () => new Problem(400, 'image_limit_reached', 'Maximum 5 images per job'),
  recordingInOtherSection: (recordingId: string, sectionId: string) =>
    new Problem(409, 'recording_id_in_other_section', `recording_id ${quote(recordingId)} is already used in section ${quote(sectionId)} of this round`),
  uploadTooLarge: (what: 'Recording' | 'Image', limitBytes: number) =>
    new Problem(413, 'payload_too_large', `${what} is larger than the limit of ${limitBytes} bytes`),
  unsupportedUploadType: (what: 'recording' | 'image', given: string, accepted: string) =>
    new Problem(415, 'unsupported_media_type', `Unsupported Content-Type ${JSON.stringify(quote(given))} for a ${what}; send ${accepted}`),
  imageTooManyPixels: (width: number, height: number, max: number) =>
    new Problem(422, 'image_too_large', `Image is ${width} × ${height} pixels, more than the limit of ${max} pixels`),
  recordingNotAudio: () => new Problem(415, 'recording_not_audio', 'Recording bytes are not a recognised audio file (m4a, aac, wav, mp3, ogg, webm, flac, 3gp, amr)'),
  imageNotDecodable: () => new Problem(415, 'image_not_decodable', 'Image bytes are not a decodable JPEG or PNG'),
  uploadAborted: () => new Problem(400, 'upload_aborted', 'Upload ended before the whole body arrived'),
  // jobs, customers, billing profiles, projects, assignments (api.md §1.7, §2.4, §2.5, §2.13, §3.3;
  // the Python quote artifacts around "X not found: ref" are dropped)
  jobNotFoundRef: (ref: string) => new Problem(404, 'job_not_found', `Job not found: ${quote(ref)}`),
  jobAlreadyExists: (jobId: string) => new Problem(400, 'job_already_exists', `Job already exists: ${quote(jobId)}`),
  jobNumberTaken: (jobNumber: string) => new Problem(409, 'job_number_taken', `Job number already exists: ${quote(jobNumber)}`),
  invalidJobNumber: (jobNumber: string) => new Problem(400, 'invalid_job_number', `Invalid job number: ${quote(jobNumber)} (expected J followed by at least four digits)`),
  invalidJobId: (jobId: string) => new Problem(400, 'invalid_job_id', `Invalid job_id: ${quote(jobId)}`),
  notAJobStatus: (status: string) => new Problem(400, 'invalid_job_status', `${quote(status)} is not a valid JobStatus`),
  invalidJobStatus: (status: string) => new Problem(400, 'invalid_job_status', `Invalid job status: ${quote(status)}`),
  invalidRoundStatus: (status: string) => new Problem(400, 'invalid_round_status', `Invalid round status: ${quote(status)}`),
  roundIdRequired: () => new Problem(400, 'round_id_required', 'round_id is required'),
  jobRefRequired: () => new Problem(400, 'job_ref_required', 'job_ref is required'),
  metadataArchived: () => new Problem(409, 'job_archived', 'Archived jobs require admin reopen before metadata edits.'),
  metadataProcessing: () => new Problem(409, 'job_processing', 'Job metadata is locked while processing. Wait for review return.'),
  treeNeedsCustomer: () => new Problem(400, 'tree_needs_customer', 'Customer is required before assigning a tree number'),
  assignDeviceIdRequired: () => new Problem(400, 'device_id_required', 'device_id is required'),
  assignDeviceNotFound: (deviceId: string) => new Problem(404, 'device_not_found', `Device not found: ${quote(deviceId)}`),
  assignDeviceNotApproved: () => new Problem(403, 'device_not_approved', 'Device must be approved before job assignment'),
  assignmentNotFound: (jobId: string) => new Problem(404, 'assignment_not_found', `Job assignment not found: ${quote(jobId)}`),
  customerNotFound: (ref: string) => new Problem(404, 'customer_not_found', `Customer not found: ${quote(ref)}`),
  customerNameRequired: () => new Problem(400, 'customer_name_required', 'Customer name is required'),
  customerNameBlank: () => new Problem(400, 'customer_name_blank', 'Customer name cannot be blank'),
  customerMergeSame: () => new Problem(400, 'merge_same_customer', 'Source and target customer must be different'),
  customerHasJobs: (code: string, n: number) => new Problem(400, 'customer_in_use', `Customer ${quote(code)} is still in use by ${n} job(s)`),
  customerHasTrees: (code: string, n: number) => new Problem(400, 'customer_in_use', `Customer ${quote(code)} still has ${n} tree record(s)`),
  billingNotFound: (ref: string) => new Problem(404, 'billing_profile_not_found', `Billing profile not found: ${quote(ref)}`),
  billingMergeSame: () => new Problem(400, 'merge_same_billing_profile', 'Source and target billing profiles must be different'),
  billingHasJobs: (code: string, n: number) => new Problem(400, 'billing_profile_in_use', `Billing profile ${quote(code)} is still in use by ${n} job(s)`),
  projectNotFound: (ref: string) => new Problem(404, 'project_not_found', `Project not found: ${quote(ref)}`),
  projectNameRequired: () => new Problem(400, 'project_name_required', 'Project name is required'),
  projectExists: (name: string) => new Problem(400, 'project_exists', `Project already exists: ${quote(name)}`),
  projectSlugExists: (slug: string) => new Problem(400, 'project_slug_exists', `Project slug already exists: ${quote(slug)}`),

  // direct extraction, summary and tree identification (api.md §2.10, §2.11): an unconfigured service is a 503, a
  // failing one a 502 (the old server answered 500, and 502 for a missing Pl@ntNet key)
  providerNotConfigured: () =>
    new Problem(503, 'provider_not_configured', 'OPENAI_API_KEY is not set: no AI provider is configured (set OPENAI_API_KEY or OPENAI_BASE_URL)'),
  providerFailed: (message: string) => new Problem(502, 'provider_failed', message),
  plantnetNotConfigured: () => new Problem(503, 'plantnet_not_configured', 'TRAQ_PLANTNET_API_KEY is not set: tree identification is not configured'),
  plantnetFailed: (message: string) => new Problem(502, 'plantnet_failed', message),
  identifyInput: (detail: string) => new Problem(400, 'invalid_identify_request', detail),

  // submit, reprocess, review (api.md §2.8)
  roundProcessing: () => new Problem(409, 'round_processing', 'Round is being processed. Wait for its review (GET /v1/jobs/{job_id}/rounds/{round_id}).'),
  reviewNotFound: () => new Problem(404, 'review_not_found', 'Review not found for round'),
  nothingToReprocess: () => new Problem(400, 'no_recordings_to_reprocess', 'No server recordings available to reprocess'),

  // admin artifact fetch (api.md §2.13 "Inspection and artifact fetch"), without the Python quotes
  unsupportedArtifactKind: (kind: string) => new Problem(400, 'unsupported_artifact_kind', `Unsupported artifact kind: ${quote(kind)}`),
  jobRefNotFound: (ref: string) => new Problem(404, 'job_not_found', `Job not found: ${quote(ref)}`),
  noArchivedFinal: (jobId: string) => new Problem(404, 'final_not_found', `No archived final payload found for job ${quote(jobId)}`),
  noArchivedTranscript: (jobId: string) => new Problem(404, 'transcript_not_found', `No archived transcript found for job ${quote(jobId)}`),
  noArtifact: (kind: string, jobId: string) => new Problem(404, 'artifact_not_found', `No ${quote(kind)} artifact found for job ${quote(jobId)}`),
  // admin inspect (api.md §2.13), without the Python quotes
  roundNotFoundId: (roundId: string) => new Problem(404, 'round_not_found', `Round not found: ${quote(roundId)}`),
  reviewNotFoundFor: (roundId: string) => new Problem(404, 'review_not_found', `Review not found for round: ${quote(roundId)}`),
  // finals, corrections, reports and retention (api.md §2.9, §5, §8.2 items 15-16, §8.3 item 22; decisions 6, 11)
  reviewRequired: (roundId: string) =>
    new Problem(409, 'review_required', `Round ${quote(roundId)} has no review yet; submit it and wait for the review before finalizing`),
  finalExists: () =>
    new Problem(
      409,
      'final_exists',
      'Final snapshot already exists for this job. Reopen the job with the admin unlock workflow and resubmit as a correction.',
    ),
  finalRenderFailed: (cause: unknown) => new Problem(500, 'final_render_failed', 'Final output generation failed', {}, cause),
  reportLetterNotFound: () => new Problem(404, 'report_letter_not_found', 'Report letter not found'),
  traqPdfNotFound: () => new Problem(404, 'traq_pdf_not_found', 'TRAQ PDF not found'),
  invalidFinalPayload: (why: string) => new Problem(400, 'invalid_final_payload', `Invalid final payload: ${quote(why)}`),
};
