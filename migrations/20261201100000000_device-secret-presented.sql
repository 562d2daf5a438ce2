-- Pairing-window takeover (issue #11 item 9): the secret-less token path
-- must serve only a device that never presented its secret. We remember the
-- first time a device proved its secret; from then on it needs the secret.

-- Up Migration

ALTER TABLE devices ADD COLUMN secret_presented_at timestamptz;
COMMENT ON COLUMN devices.secret_presented_at IS
  'When the device first proved its device_secret (token request or re-registration); from then on the secret-less pairing path is closed to it for good.';
COMMENT ON COLUMN devices.pairing_used_at IS
  'When the current approval''s pairing window closed: the first token issued after the approval, by any path (pairing, secret or admin); cleared by a new approval.';

-- Down Migration

COMMENT ON COLUMN devices.pairing_used_at IS 'When a secret-less client used its one token of the current approval; cleared by a new approval.';
ALTER TABLE devices DROP COLUMN secret_presented_at;
