-- Least privilege (issue #11 item 11): the server and the worker log in as a
-- role that is a member of traq_runtime, not as the owner of the schema.
--
-- The owner role (the one that runs these migrations) owns every table. The
-- runtime role may read and write the working tables, may only INSERT into
-- the audit trail (job_events: no UPDATE, DELETE or TRUNCATE), is not a
-- superuser and owns nothing, so it cannot ALTER TABLE ... DISABLE TRIGGER:
-- the triggers that keep job_events append-only and a final immutable
-- (job_finals rows of kind final) hold against the application itself.
--
-- Tables added by later migrations get the same read/write grants through the
-- default privileges below, which apply to objects the owner role creates: a
-- migration that adds an append-only table must REVOKE what it must not allow.
--
-- traq_runtime is a NOLOGIN group role, created here when missing (the embedded
-- cluster's owner is a superuser; an external server's DBA creates it first, see
-- README "Database roles"). Login roles join it: GRANT traq_runtime TO <login>.

-- Up Migration

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'traq_runtime') THEN
    CREATE ROLE traq_runtime NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'role traq_runtime does not exist and % may not create it', current_user
    USING HINT = 'create it first: CREATE ROLE traq_runtime NOLOGIN; (README, Database roles)';
END
$$;

GRANT USAGE ON SCHEMA public TO traq_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO traq_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO traq_runtime;
REVOKE UPDATE, DELETE ON job_events FROM traq_runtime;
REVOKE INSERT, UPDATE, DELETE ON pgmigrations FROM traq_runtime;  -- it may read which ran (/health counts them)
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO traq_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO traq_runtime;

-- Down Migration

ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM traq_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM traq_runtime;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM traq_runtime;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM traq_runtime;
REVOKE USAGE ON SCHEMA public FROM traq_runtime;
