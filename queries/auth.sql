/* @name FindTokenPrincipal */
SELECT d.id AS device_pk, d.device_id, d.role -- live token of an approved device, with the device's current role
  FROM device_tokens t
  JOIN devices d ON d.id = t.device_id
 WHERE t.token_hash = :tokenHash!
   AND NOT t.revoked
   AND t.expires_at > now()
   AND d.status = 'approved';
