/* @name InsertDevice */
-- ON CONFLICT: of two racing first registrations only one gets a row (and a secret).
INSERT INTO devices (device_id, device_name, app_version, profile_summary, secret_hash)
VALUES (:deviceId!, :deviceName, :appVersion, :profileSummary!, :secretHash!)
ON CONFLICT (device_id) DO NOTHING
RETURNING id, device_id, status, role;

/* @name LockDevice */
-- Locks the row so token issue, approval and revocation of one device never interleave.
-- pairing_open: approved, no token issued since the approval, inside the window, and the device never proved a secret.
SELECT id, device_id, status, role, secret_hash,
       (approved_at IS NOT NULL
        AND pairing_used_at IS NULL
        AND secret_presented_at IS NULL
        AND approved_at + make_interval(secs => :pairingWindowSeconds!::int) > now()) AS "pairing_open!"
  FROM devices
 WHERE device_id = :deviceId!
   FOR UPDATE;

/* @name FindDeviceStatus */
SELECT device_id, status, role, updated_at
  FROM devices
 WHERE device_id = :deviceId!;

/* @name UpdateDeviceDescription */
-- Never touches status, role or secret_hash: only what the device says about itself.
UPDATE devices
   SET device_name = COALESCE(:deviceName, device_name),
       app_version = COALESCE(:appVersion, app_version),
       profile_summary = COALESCE(:profileSummary, profile_summary)
 WHERE id = :id!
RETURNING id;

/* @name ListDevices */
SELECT device_id, device_name, app_version, status, role, profile_summary,
       created_at, updated_at, approved_at, revoked_at, last_seen_at
  FROM devices
 WHERE (:status::device_status IS NULL OR status = :status::device_status)
 ORDER BY created_at, device_id;

/* @name FindDevice */
SELECT device_id, device_name, app_version, status, role, profile_summary,
       created_at, updated_at, approved_at, revoked_at, last_seen_at
  FROM devices
 WHERE id = :id!;

/* @name ApproveDevice */
-- Clearing pairing_used_at reopens the pairing window for a client without a secret.
UPDATE devices
   SET status = 'approved', role = :role!, approved_at = now(), revoked_at = NULL, pairing_used_at = NULL
 WHERE id = :id!
RETURNING id;

/* @name RevokeDevice */
UPDATE devices
   SET status = 'revoked', revoked_at = now()
 WHERE id = :id!
RETURNING id;

/* @name RevokeDeviceTokens */
UPDATE device_tokens
   SET revoked = true, revoked_at = now()
 WHERE device_id = :devicePk!
   AND NOT revoked
RETURNING id;

/* @name InsertDeviceToken */
INSERT INTO device_tokens (token_hash, device_id, role, expires_at)
VALUES (:tokenHash!, :devicePk!, :role!, now() + make_interval(secs => :ttlSeconds!::int))
RETURNING expires_at;

/* @name MarkTokenIssued */
-- Any token issued for an approval closes its pairing window (a secret-less caller gets none after it).
UPDATE devices
   SET last_seen_at = now(),
       pairing_used_at = coalesce(pairing_used_at, now())
 WHERE id = :id!
RETURNING id;

/* @name MarkSecretPresented */
-- The device proved its secret: the secret-less pairing path is closed to it for good.
UPDATE devices
   SET secret_presented_at = coalesce(secret_presented_at, now())
 WHERE id = :id!
RETURNING id;
