/* @name FindProfile */
SELECT profile_payload
  FROM runtime_profiles
 WHERE identity_key = :identityKey!;

/* @name UpsertProfile */
INSERT INTO runtime_profiles (identity_key, profile_payload)
VALUES (:identityKey!, :payload!)
ON CONFLICT (identity_key) DO UPDATE SET profile_payload = EXCLUDED.profile_payload
RETURNING profile_payload;
