-- Idempotency keys for create endpoints.
--
-- A client that retries a create (POST /v1/jobs, POST .../rounds) with the
-- same Idempotency-Key header gets the first answer back instead of a second
-- job or round. The key row is written in the same transaction as the thing
-- it created, so a replay can never miss a committed create.

-- Up Migration

CREATE TABLE idempotency_keys (
  id                uuid          NOT NULL DEFAULT gen_random_uuid(),
  scope             varchar(255)  NOT NULL,
  idempotency_key   varchar(255)  NOT NULL,
  request_hash      char(64)      NOT NULL,
  response_status   integer       NOT NULL,
  response_body     jsonb         NOT NULL,
  created_at        timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_idempotency_keys PRIMARY KEY (id),
  CONSTRAINT uq_idempotency_keys_scope_key UNIQUE (scope, idempotency_key),
  CONSTRAINT ck_idempotency_keys_key_not_blank CHECK (btrim(idempotency_key) <> ''),
  CONSTRAINT ck_idempotency_keys_request_hash_hex CHECK (request_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_idempotency_keys_status CHECK (response_status BETWEEN 200 AND 299)
);
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);

COMMENT ON TABLE idempotency_keys IS 'First answers of create requests that carried an Idempotency-Key header, replayed to retries. Rows older than the replay window may be deleted.';
COMMENT ON COLUMN idempotency_keys.id IS 'Internal key.';
COMMENT ON COLUMN idempotency_keys.scope IS 'Caller identity and endpoint (e.g. "device:dev-1 POST /v1/jobs"): the same key from another caller or endpoint is a different request.';
COMMENT ON COLUMN idempotency_keys.idempotency_key IS 'The Idempotency-Key header the client sent.';
COMMENT ON COLUMN idempotency_keys.request_hash IS 'SHA-256 of the request (path and body); a reuse of the key with another request is refused.';
COMMENT ON COLUMN idempotency_keys.response_status IS 'HTTP status of the first answer.';
COMMENT ON COLUMN idempotency_keys.response_body IS 'JSON body of the first answer, returned as is to retries.';
COMMENT ON COLUMN idempotency_keys.created_at IS 'When the first request committed.';

-- Down Migration

DROP TABLE idempotency_keys;
