-- Browser sessions of the operator console (/console).
--
-- The operator signs in once with the admin key and gets a random session
-- token in an HttpOnly cookie; only the token's SHA-256 is stored, so a copy
-- of this table never lets anyone in. Sessions live in PostgreSQL (not in
-- process memory) because several server processes may share one database and
-- any of them may answer the next request. The admin key itself is never
-- stored: key_fingerprint (its SHA-256) only ties a session to the key in
-- force, so rotating TRAQ_API_KEY ends every session made with the old one.

-- Up Migration

CREATE TABLE console_sessions (
  id               uuid         NOT NULL DEFAULT gen_random_uuid(),
  token_hash       char(64)     NOT NULL,
  csrf_token       char(64)     NOT NULL,
  key_fingerprint  char(64)     NOT NULL,
  user_agent       varchar(512),
  created_at       timestamptz  NOT NULL DEFAULT now(),
  expires_at       timestamptz  NOT NULL,
  last_seen_at     timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT pk_console_sessions PRIMARY KEY (id),
  CONSTRAINT uq_console_sessions_token_hash UNIQUE (token_hash),
  CONSTRAINT ck_console_sessions_token_hash_hex CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_console_sessions_csrf_token_hex CHECK (csrf_token ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_console_sessions_key_fingerprint_hex CHECK (key_fingerprint ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ck_console_sessions_expires_after_created CHECK (expires_at > created_at)
);
CREATE INDEX ix_console_sessions_expires_at ON console_sessions (expires_at);

COMMENT ON TABLE console_sessions IS 'Signed-in browser sessions of the operator console; a row is deleted at sign-out and expired rows are swept at each sign-in.';
COMMENT ON COLUMN console_sessions.id IS 'Internal key.';
COMMENT ON COLUMN console_sessions.token_hash IS 'SHA-256 (hex) of the session token the browser holds in its HttpOnly cookie; the token itself is never stored.';
COMMENT ON COLUMN console_sessions.csrf_token IS 'Per-session token every console form posts back; a POST without it is refused (the cookie alone is not enough).';
COMMENT ON COLUMN console_sessions.key_fingerprint IS 'SHA-256 (hex) of the admin key the session was opened with; a session made with another key is not accepted.';
COMMENT ON COLUMN console_sessions.user_agent IS 'User-Agent of the browser that signed in (informational).';
COMMENT ON COLUMN console_sessions.created_at IS 'When the operator signed in.';
COMMENT ON COLUMN console_sessions.expires_at IS 'After this the session is refused and the operator signs in again (fixed lifetime, not extended by use).';
COMMENT ON COLUMN console_sessions.last_seen_at IS 'When the session was last used (informational).';

-- Down Migration

DROP TABLE console_sessions;
