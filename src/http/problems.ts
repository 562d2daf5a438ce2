/**
 * The catalogue of deliberate errors. Every failure a client can see is made
 * here, with its HTTP status, a stable snake_case `code` and the `detail` text
 * the field app expects (api.md). Handlers throw these; the error middleware
 * turns them into `{"detail": ..., "code": ...}`.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : code);
  }
}

export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export const problems = {
  // generic
  validation: (issues: ValidationIssue[]) => new Problem(422, 'validation_failed', issues),
  routeNotFound: () => new Problem(404, 'not_found', 'Not Found'),
  methodNotAllowed: () => new Problem(405, 'method_not_allowed', 'Method Not Allowed'),
  payloadTooLarge: (limitBytes: number) =>
    new Problem(413, 'payload_too_large', `Request body is larger than the limit of ${limitBytes} bytes`),
  unsupportedMediaType: (detail: string) => new Problem(415, 'unsupported_media_type', detail),
  rateLimited: (retryAfterSeconds: number) =>
    new Problem(429, 'rate_limited', 'Too many requests; retry later', { 'Retry-After': String(retryAfterSeconds) }),
  internal: () => new Problem(500, 'internal_error', 'Internal Server Error'),
  databaseUnavailable: () => new Problem(503, 'database_unavailable', 'Database unavailable'),

  // auth (api.md §1.3, exact texts)
  invalidCredentials: () => new Problem(401, 'invalid_credentials', 'Invalid credentials'),
  adminRequired: () => new Problem(403, 'admin_required', 'Admin role required'),
  deviceIdentityRequired: () => new Problem(403, 'device_identity_required', 'Device identity required'),

  // devices and tokens (api.md §2.2, §2.13 "Devices"; decision 2). The old server's Python quote
  // artifacts ('Device not found: x') are dropped.
  deviceIdRequired: () => new Problem(400, 'device_id_required', 'device_id is required'),
  deviceNotFound: (deviceId?: string) =>
    new Problem(404, 'device_not_found', deviceId === undefined ? 'Device not found' : `Device not found: ${deviceId}`),
  deviceStatusIs: (status: string) => new Problem(403, 'device_not_approved', `Device status is ${status}`),
  deviceNotApproved: () => new Problem(403, 'device_not_approved', 'Device is not approved'),
  deviceSecretInvalid: () => new Problem(403, 'device_secret_invalid', 'device_secret does not match this device'),
  deviceSecretRequired: () =>
    new Problem(
      403,
      'device_secret_required',
      'device_secret is required: the pairing window for clients without a secret is closed or was already used; ask an admin to approve the device again',
    ),
  invalidDeviceRole: (role: string) => new Problem(400, 'invalid_device_role', `'${role}' is not a valid DeviceRole`),
  invalidDeviceStatus: (status: string) => new Problem(400, 'invalid_device_status', `'${status}' is not a valid DeviceStatus`),

  // job access (api.md §1.7; no silent claiming)
  jobNotFound: () => new Problem(404, 'job_not_found', 'Job not found'),
  jobAssignedToOtherDevice: () => new Problem(403, 'job_assigned_to_other_device', 'Job is assigned to another device'),
  jobNotAssigned: () => new Problem(403, 'job_not_assigned', 'Job is not assigned to this device'),

  // export feed (api.md §6)
  invalidCursor: (cursor: string) => new Problem(400, 'invalid_cursor', `Invalid cursor: ${cursor}`),
  invalidImageVariant: (variant: string) => new Problem(400, 'invalid_image_variant', `Invalid variant: ${variant} (use auto, original or report)`),
  exportImageNotFound: () => new Problem(404, 'image_not_found', 'Image not found'),
  exportImageArtifactNotFound: () => new Problem(404, 'image_artifact_not_found', 'Image artifact not found'),
  reportImageNotFound: () => new Problem(404, 'report_image_not_found', 'Report image not found'),
  geojsonNotFound: () => new Problem(404, 'geojson_not_found', 'GeoJSON not found'),

  // admin artifact fetch (api.md §2.13 "Inspection and artifact fetch"), without the Python quotes
  unsupportedArtifactKind: (kind: string) => new Problem(400, 'unsupported_artifact_kind', `Unsupported artifact kind: ${kind}`),
  jobRefNotFound: (ref: string) => new Problem(404, 'job_not_found', `Job not found: ${ref}`),
  noArchivedFinal: (jobId: string) => new Problem(404, 'final_not_found', `No archived final payload found for job ${jobId}`),
  noArchivedTranscript: (jobId: string) => new Problem(404, 'transcript_not_found', `No archived transcript found for job ${jobId}`),
  noArtifact: (kind: string, jobId: string) => new Problem(404, 'artifact_not_found', `No ${kind} artifact found for job ${jobId}`),
};
