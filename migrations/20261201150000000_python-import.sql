-- Importing a Python TRAQ server (traq-admin import python-server).
--
-- Each imported job gets one `imported` audit row naming its source ids, so
-- the trail says where the job came from instead of inventing its history.
-- The importer keeps the source rows' own created_at/updated_at: inside its
-- transactions it sets traq.preserve_updated_at, and set_updated_at() then
-- leaves updated_at as written instead of stamping the import time.

-- Up Migration

ALTER TYPE event_type ADD VALUE 'imported';

CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('traq.preserve_updated_at', true) IS DISTINCT FROM 'on' THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$;
COMMENT ON FUNCTION set_updated_at() IS
  'BEFORE UPDATE trigger: stamps updated_at with the transaction time, so no application code has to; an import transaction (SET LOCAL traq.preserve_updated_at = on) keeps the source''s times.';

-- Down Migration

CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
COMMENT ON FUNCTION set_updated_at() IS
  'BEFORE UPDATE trigger: stamps updated_at with the transaction time, so no application code has to.';
-- PostgreSQL cannot drop an enum value; 'imported' stays (unused) after a rollback.
