-- Device authentication and token state.
--
-- Devices (phones running the field app) register themselves, wait for an
-- administrator to approve them, then exchange a secret for a bearer token.
-- Neither the device secret nor any token is ever stored: only their SHA-256.
-- Also defines set_updated_at(), the trigger function every later table with
-- an updated_at column uses.

-- Up Migration

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
COMMENT ON FUNCTION set_updated_at() IS
  'BEFORE UPDATE trigger: stamps updated_at with the transaction time, so no application code has to.';

CREATE TYPE device_status AS ENUM ('pending', 'approved', 'revoked');
COMMENT ON TYPE device_status IS 'Lifecycle of a registered device: pending until an admin approves it; revoked removes every right at once.';

CREATE TYPE device_role AS ENUM ('arborist', 'admin');
COMMENT ON TYPE device_role IS 'What a device may do: arborist (its own assigned jobs) or admin (everything).';

CREATE TABLE devices (
  id               uuid          NOT NULL DEFAULT gen_random_uuid(),
  device_id        varchar(128)  NOT NULL,
  device_name      varchar(255),
  app_version      varchar(64),
  role             device_role   NOT NULL DEFAULT 'arborist',
  status           device_status NOT NULL DEFAULT 'pending',
  profile_summary  jsonb         NOT NULL DEFAULT '{}'::jsonb,
  secret_hash      char(64),
  approved_at      timestamptz,
  revoked_at       timestamptz,
  pairing_used_at  timestamptz,
  last_seen_at     timestamptz,
  created_at       timestamptz   NOT NULL DEFAULT now(),
  updated_at       timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_devices PRIMARY KEY (id),
  CONSTRAINT uq_devices_device_id UNIQUE (device_id),
  CONSTRAINT ck_devices_device_id_not_blank CHECK (btrim(device_id) <> ''),
  CONSTRAINT ck_devices_profile_summary_object CHECK (jsonb_typeof(profile_summary) = 'object'),
  CONSTRAINT ck_devices_secret_hash_hex CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_devices_approved_has_time CHECK (status <> 'approved' OR approved_at IS NOT NULL),
  CONSTRAINT ck_devices_revoked_has_time CHECK (status <> 'revoked' OR revoked_at IS NOT NULL)
);
CREATE INDEX ix_devices_status ON devices (status);
CREATE TRIGGER tg_devices_updated_at BEFORE UPDATE ON devices
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE devices IS 'Every phone or tablet that ever registered with the server, with its approval state and role.';
COMMENT ON COLUMN devices.id IS 'Internal key; other tables reference this, never device_id.';
COMMENT ON COLUMN devices.device_id IS 'Identifier the device chose for itself at registration (public, not a secret).';
COMMENT ON COLUMN devices.device_name IS 'Human-readable name the device reported, e.g. "Pixel 8".';
COMMENT ON COLUMN devices.app_version IS 'Version of the field app the device last reported.';
COMMENT ON COLUMN devices.role IS 'Current role; token checks read it live, so a demotion takes effect on the next request.';
COMMENT ON COLUMN devices.status IS 'pending until approved; only approved devices can obtain tokens or hold jobs.';
COMMENT ON COLUMN devices.profile_summary IS 'Free-form JSON object the app sent at registration (informational only).';
COMMENT ON COLUMN devices.secret_hash IS 'SHA-256 (hex) of the one-time device secret returned at first registration; NULL for devices registered by clients that predate secrets.';
COMMENT ON COLUMN devices.approved_at IS 'When an admin last approved the device; also opens the pairing window for secret-less clients.';
COMMENT ON COLUMN devices.revoked_at IS 'When an admin last revoked the device; cleared by a new approval.';
COMMENT ON COLUMN devices.pairing_used_at IS 'When a secret-less client used its one token of the current approval; cleared by a new approval.';
COMMENT ON COLUMN devices.last_seen_at IS 'When a token was last issued to the device.';
COMMENT ON COLUMN devices.created_at IS 'When the device first registered.';
COMMENT ON COLUMN devices.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE device_tokens (
  id          uuid         NOT NULL DEFAULT gen_random_uuid(),
  token_hash  char(64)     NOT NULL,
  device_id   uuid         NOT NULL,
  role        device_role  NOT NULL,
  expires_at  timestamptz  NOT NULL,
  revoked     boolean      NOT NULL DEFAULT false,
  revoked_at  timestamptz,
  created_at  timestamptz  NOT NULL DEFAULT now(),
  updated_at  timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT pk_device_tokens PRIMARY KEY (id),
  CONSTRAINT uq_device_tokens_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_device_tokens_device FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE CASCADE,
  CONSTRAINT ck_device_tokens_token_hash_hex CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_device_tokens_expiry_after_issue CHECK (expires_at > created_at),
  CONSTRAINT ck_device_tokens_revoked_has_time CHECK (NOT revoked OR revoked_at IS NOT NULL)
);
CREATE INDEX ix_device_tokens_device_id ON device_tokens (device_id);
CREATE TRIGGER tg_device_tokens_updated_at BEFORE UPDATE ON device_tokens
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE device_tokens IS 'Bearer tokens issued to devices. Only the SHA-256 of each token is kept; the plaintext is shown once, in the issuing response.';
COMMENT ON COLUMN device_tokens.id IS 'Internal key.';
COMMENT ON COLUMN device_tokens.token_hash IS 'SHA-256 (hex) of the bearer token; requests are authenticated by hashing the presented token and looking it up here.';
COMMENT ON COLUMN device_tokens.device_id IS 'The device the token belongs to (devices.id).';
COMMENT ON COLUMN device_tokens.role IS 'The device role when the token was issued (audit only: authorisation uses the device''s current role).';
COMMENT ON COLUMN device_tokens.expires_at IS 'The token is refused from this moment on.';
COMMENT ON COLUMN device_tokens.revoked IS 'True once the token was replaced by a newer one or the device was revoked.';
COMMENT ON COLUMN device_tokens.revoked_at IS 'When the token was revoked.';
COMMENT ON COLUMN device_tokens.created_at IS 'When the token was issued.';
COMMENT ON COLUMN device_tokens.updated_at IS 'When the row last changed (maintained by trigger).';

-- Down Migration

DROP TABLE device_tokens;
DROP TABLE devices;
DROP TYPE device_role;
DROP TYPE device_status;
DROP FUNCTION set_updated_at();
