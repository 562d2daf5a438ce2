-- State several server processes on one database must share (issue #15).
--
-- auth_rate_windows: the auth rate limit (register-device, token) as a
-- fixed-window counter per route and client address, bumped in one upserting
-- statement, so N API servers behind a load balancer enforce one limit. A
-- client has one row per scope; a new minute resets it in the same statement.
-- Rows of clients that stopped coming are swept now and then by the servers.
--
-- scheduled_tasks: one row per periodic job the servers run themselves (the
-- retention prune). A process that finds the row due claims it with
-- FOR UPDATE SKIP LOCKED, runs the task while holding that row lock and moves
-- next_run_at on in the same transaction: two processes never run it at once,
-- it runs once per interval whatever the number of processes, and a process
-- killed mid-task releases the lock with its connection (the row stays due).

-- Up Migration

CREATE TABLE auth_rate_windows (
  scope         varchar(32)  NOT NULL,
  client        varchar(64)  NOT NULL,
  window_start  timestamptz  NOT NULL,
  hits          integer      NOT NULL DEFAULT 1,
  CONSTRAINT pk_auth_rate_windows PRIMARY KEY (scope, client),
  CONSTRAINT ck_auth_rate_windows_scope CHECK (scope ~ '^[a-z][a-z_-]*$'),
  CONSTRAINT ck_auth_rate_windows_client_nonempty CHECK (length(client) > 0),
  CONSTRAINT ck_auth_rate_windows_hits_positive CHECK (hits > 0)
);
CREATE INDEX ix_auth_rate_windows_window_start ON auth_rate_windows (window_start);

COMMENT ON TABLE auth_rate_windows IS 'Fixed-window request counters of the auth rate limit, shared by every server process on this database; rows of past windows are swept.';
COMMENT ON COLUMN auth_rate_windows.scope IS 'Which limit: register-device, token or console-sign-in (each route has its own budget).';
COMMENT ON COLUMN auth_rate_windows.client IS 'The client address the request came from (the reverse proxy''s address when there is one).';
COMMENT ON COLUMN auth_rate_windows.window_start IS 'Start of the current one-minute window (the database clock, truncated to the minute).';
COMMENT ON COLUMN auth_rate_windows.hits IS 'Requests of this client to this route in the window, including refused ones.';

CREATE TABLE scheduled_tasks (
  task          varchar(32)  NOT NULL,
  next_run_at   timestamptz  NOT NULL DEFAULT now(),
  last_run_at   timestamptz,
  last_outcome  jsonb,
  CONSTRAINT pk_scheduled_tasks PRIMARY KEY (task),
  CONSTRAINT ck_scheduled_tasks_task CHECK (task ~ '^[a-z][a-z_-]*$'),
  CONSTRAINT ck_scheduled_tasks_outcome_object CHECK (last_outcome IS NULL OR jsonb_typeof(last_outcome) = 'object')
);

COMMENT ON TABLE scheduled_tasks IS 'Periodic tasks the server processes run themselves, at most one process at a time (the row is claimed FOR UPDATE SKIP LOCKED for the run).';
COMMENT ON COLUMN scheduled_tasks.task IS 'The task: retention (the prune of TRAQ_RETENTION_INTERVAL_HOURS).';
COMMENT ON COLUMN scheduled_tasks.next_run_at IS 'When the task is due next; the process that runs it moves this on by its interval in the same transaction.';
COMMENT ON COLUMN scheduled_tasks.last_run_at IS 'When the last completed run started.';
COMMENT ON COLUMN scheduled_tasks.last_outcome IS 'Summary of the last completed run (counts), for operators.';

-- Down Migration

DROP TABLE scheduled_tasks;
DROP TABLE auth_rate_windows;
