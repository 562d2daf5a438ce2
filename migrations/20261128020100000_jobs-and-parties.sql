-- Customers, billing profiles, projects, operators, trees, jobs, job
-- assignments, counters and runtime profiles.
--
-- A job is one tree risk assessment: one tree of one customer, billed to a
-- billing profile, optionally grouped in a project, and owned by at most one
-- device at a time (job_assignments). Human-readable codes (J0001, C0001,
-- B0001) are allocated from runtime_counters under a row lock in the same
-- transaction that inserts the row, so concurrent creates never collide.

-- Up Migration

CREATE TYPE job_status AS ENUM
  ('NOT_STARTED', 'DRAFT', 'SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'ARCHIVED', 'FAILED');
COMMENT ON TYPE job_status IS 'Job workflow state, spelled exactly as the HTTP API reports it.';

CREATE TYPE round_status AS ENUM
  ('DRAFT', 'SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'FAILED');
COMMENT ON TYPE round_status IS 'Review round workflow state, spelled exactly as the HTTP API reports it.';

CREATE TABLE customers (
  id             uuid          NOT NULL DEFAULT gen_random_uuid(),
  customer_code  varchar(32)   NOT NULL,
  name           varchar(255)  NOT NULL,
  phone          varchar(64),
  address        text,
  created_at     timestamptz   NOT NULL DEFAULT now(),
  updated_at     timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_customers PRIMARY KEY (id),
  CONSTRAINT uq_customers_customer_code UNIQUE (customer_code),
  CONSTRAINT ck_customers_customer_code_format CHECK (customer_code ~ '^C[0-9]{4,}$'),
  CONSTRAINT ck_customers_name_not_blank CHECK (btrim(name) <> '')
);
CREATE INDEX ix_customers_name ON customers (lower(name));
CREATE TRIGGER tg_customers_updated_at BEFORE UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE customers IS 'The people or organisations whose trees are assessed; reused across jobs.';
COMMENT ON COLUMN customers.id IS 'Internal key, also the customer_id the API shows.';
COMMENT ON COLUMN customers.customer_code IS 'Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters.';
COMMENT ON COLUMN customers.name IS 'Customer name as the arborist entered it.';
COMMENT ON COLUMN customers.phone IS 'Contact phone (the API calls it job_phone).';
COMMENT ON COLUMN customers.address IS 'Customer address (the API calls it address).';
COMMENT ON COLUMN customers.created_at IS 'When the customer was created.';
COMMENT ON COLUMN customers.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE billing_profiles (
  id                    uuid          NOT NULL DEFAULT gen_random_uuid(),
  billing_code          varchar(32)   NOT NULL,
  billing_name          varchar(255),
  billing_contact_name  varchar(255),
  billing_address       text,
  contact_preference    varchar(64),
  created_at            timestamptz   NOT NULL DEFAULT now(),
  updated_at            timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_billing_profiles PRIMARY KEY (id),
  CONSTRAINT uq_billing_profiles_billing_code UNIQUE (billing_code),
  CONSTRAINT ck_billing_profiles_billing_code_format CHECK (billing_code ~ '^B[0-9]{4,}$')
);
CREATE INDEX ix_billing_profiles_billing_name ON billing_profiles (lower(billing_name));
CREATE TRIGGER tg_billing_profiles_updated_at BEFORE UPDATE ON billing_profiles
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE billing_profiles IS 'Who pays for a job and how to reach them; reused across jobs.';
COMMENT ON COLUMN billing_profiles.id IS 'Internal key, also the billing_profile_id the API shows.';
COMMENT ON COLUMN billing_profiles.billing_code IS 'Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters.';
COMMENT ON COLUMN billing_profiles.billing_name IS 'Name the invoice and the report letter are addressed to.';
COMMENT ON COLUMN billing_profiles.billing_contact_name IS 'Person to contact about billing, if different.';
COMMENT ON COLUMN billing_profiles.billing_address IS 'Postal address for the letter; "street, city, state zip" by convention.';
COMMENT ON COLUMN billing_profiles.contact_preference IS 'How the customer prefers to be contacted, free text (e.g. "text", "phone call").';
COMMENT ON COLUMN billing_profiles.created_at IS 'When the profile was created.';
COMMENT ON COLUMN billing_profiles.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE projects (
  id          uuid          NOT NULL DEFAULT gen_random_uuid(),
  project_id  varchar(128)  NOT NULL,
  name        varchar(255)  NOT NULL,
  slug        varchar(255)  NOT NULL,
  created_at  timestamptz   NOT NULL DEFAULT now(),
  updated_at  timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_projects PRIMARY KEY (id),
  CONSTRAINT uq_projects_project_id UNIQUE (project_id),
  CONSTRAINT uq_projects_name UNIQUE (name),
  CONSTRAINT uq_projects_slug UNIQUE (slug),
  CONSTRAINT ck_projects_project_id_format CHECK (project_id ~ '^project_[A-Za-z0-9_-]+$'),
  CONSTRAINT ck_projects_name_not_blank CHECK (btrim(name) <> ''),
  CONSTRAINT ck_projects_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
CREATE TRIGGER tg_projects_updated_at BEFORE UPDATE ON projects
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE projects IS 'Optional grouping of jobs (a street, a campus, a contract).';
COMMENT ON COLUMN projects.id IS 'Internal key.';
COMMENT ON COLUMN projects.project_id IS 'Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id.';
COMMENT ON COLUMN projects.name IS 'Display name, unique (the API calls it project).';
COMMENT ON COLUMN projects.slug IS 'URL-safe lower-case name, unique (the API calls it project_slug).';
COMMENT ON COLUMN projects.created_at IS 'When the project was created.';
COMMENT ON COLUMN projects.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE operators (
  id          uuid          NOT NULL DEFAULT gen_random_uuid(),
  name        varchar(255)  NOT NULL,
  created_at  timestamptz   NOT NULL DEFAULT now(),
  updated_at  timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_operators PRIMARY KEY (id),
  CONSTRAINT uq_operators_name UNIQUE (name),
  CONSTRAINT ck_operators_name_not_blank CHECK (btrim(name) <> '')
);
CREATE TRIGGER tg_operators_updated_at BEFORE UPDATE ON operators
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE operators IS 'Assessors (arborists) named on finals; upserted by name when a job is finalized.';
COMMENT ON COLUMN operators.id IS 'Internal key.';
COMMENT ON COLUMN operators.name IS 'Assessor name as it appears on the final (the profile name at finalization).';
COMMENT ON COLUMN operators.created_at IS 'When the operator was first seen.';
COMMENT ON COLUMN operators.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE trees (
  id           uuid         NOT NULL DEFAULT gen_random_uuid(),
  customer_id  uuid         NOT NULL,
  tree_number  integer      NOT NULL,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  updated_at   timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT pk_trees PRIMARY KEY (id),
  CONSTRAINT uq_trees_customer_tree_number UNIQUE (customer_id, tree_number),
  CONSTRAINT fk_trees_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
  CONSTRAINT ck_trees_tree_number_positive CHECK (tree_number > 0)
);
CREATE TRIGGER tg_trees_updated_at BEFORE UPDATE ON trees
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE trees IS 'Trees numbered per customer (tree 1, 2, 3 of customer C0007); several jobs may assess the same tree over the years.';
COMMENT ON COLUMN trees.id IS 'Internal key.';
COMMENT ON COLUMN trees.customer_id IS 'Owner of the tree; deleting the customer deletes its trees.';
COMMENT ON COLUMN trees.tree_number IS 'Positive number, unique within the customer.';
COMMENT ON COLUMN trees.created_at IS 'When the tree was first numbered.';
COMMENT ON COLUMN trees.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE jobs (
  id                   uuid          NOT NULL DEFAULT gen_random_uuid(),
  job_id               varchar(128)  NOT NULL,
  job_number           varchar(64)   NOT NULL,
  customer_id          uuid,
  billing_profile_id   uuid,
  project_id           uuid,
  operator_id          uuid,
  tree_id              uuid,
  tree_number          integer,
  job_name             varchar(255),
  job_address          text,
  reason               text,
  location_notes       text,
  tree_species         varchar(255),
  status               job_status    NOT NULL DEFAULT 'DRAFT',
  latest_round_id      varchar(128),
  latest_round_status  round_status,
  archived_at          timestamptz,
  created_at           timestamptz   NOT NULL DEFAULT now(),
  updated_at           timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_jobs PRIMARY KEY (id),
  CONSTRAINT uq_jobs_job_id UNIQUE (job_id),
  CONSTRAINT uq_jobs_job_number UNIQUE (job_number),
  CONSTRAINT fk_jobs_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL,
  CONSTRAINT fk_jobs_billing_profile FOREIGN KEY (billing_profile_id) REFERENCES billing_profiles (id) ON DELETE SET NULL,
  CONSTRAINT fk_jobs_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE SET NULL,
  CONSTRAINT fk_jobs_operator FOREIGN KEY (operator_id) REFERENCES operators (id) ON DELETE SET NULL,
  CONSTRAINT fk_jobs_tree FOREIGN KEY (tree_id) REFERENCES trees (id) ON DELETE SET NULL,
  CONSTRAINT ck_jobs_job_id_not_blank CHECK (btrim(job_id) <> '' AND job_id !~ '[/\\]'),
  CONSTRAINT ck_jobs_job_number_format CHECK (job_number ~ '^J[0-9]{4,}$'),
  CONSTRAINT ck_jobs_tree_number_positive CHECK (tree_number > 0),
  CONSTRAINT ck_jobs_latest_round_pair CHECK ((latest_round_id IS NULL) = (latest_round_status IS NULL))
);
CREATE INDEX ix_jobs_customer_id ON jobs (customer_id);
CREATE INDEX ix_jobs_billing_profile_id ON jobs (billing_profile_id);
CREATE INDEX ix_jobs_project_id ON jobs (project_id);
CREATE INDEX ix_jobs_operator_id ON jobs (operator_id);
CREATE INDEX ix_jobs_tree_id ON jobs (tree_id);
CREATE INDEX ix_jobs_status ON jobs (status);
CREATE TRIGGER tg_jobs_updated_at BEFORE UPDATE ON jobs
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE jobs IS 'One tree risk assessment job. Customer, billing and project details are joined live from their tables, never copied here.';
COMMENT ON COLUMN jobs.id IS 'Internal key.';
COMMENT ON COLUMN jobs.job_id IS 'Public id, job_<12 hex> when the server makes it; admins may choose their own.';
COMMENT ON COLUMN jobs.job_number IS 'Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters.';
COMMENT ON COLUMN jobs.customer_id IS 'Customer whose tree is assessed.';
COMMENT ON COLUMN jobs.billing_profile_id IS 'Who pays; NULL when the job was created without billing details.';
COMMENT ON COLUMN jobs.project_id IS 'Optional project grouping.';
COMMENT ON COLUMN jobs.operator_id IS 'Assessor named on the final (set at finalization).';
COMMENT ON COLUMN jobs.tree_id IS 'The customer''s tree this job assesses; kept in step with tree_number.';
COMMENT ON COLUMN jobs.tree_number IS 'The tree''s number within the customer, copied for fast reads; always equals trees.tree_number of tree_id.';
COMMENT ON COLUMN jobs.job_name IS 'Name of the job as the arborist entered it.';
COMMENT ON COLUMN jobs.job_address IS 'Job-site address.';
COMMENT ON COLUMN jobs.reason IS 'Why the assessment was requested.';
COMMENT ON COLUMN jobs.location_notes IS 'Where on the property the tree stands.';
COMMENT ON COLUMN jobs.tree_species IS 'Species as recorded for the job.';
COMMENT ON COLUMN jobs.status IS 'Workflow state of the job.';
COMMENT ON COLUMN jobs.latest_round_id IS 'The round the device works in now (round_<n>); NULL before the first round.';
COMMENT ON COLUMN jobs.latest_round_status IS 'Status of the latest round, mirrored here in the same transaction that changes the round.';
COMMENT ON COLUMN jobs.archived_at IS 'When the job was last finalized (archived).';
COMMENT ON COLUMN jobs.created_at IS 'When the job was created.';
COMMENT ON COLUMN jobs.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE job_assignments (
  id           uuid         NOT NULL DEFAULT gen_random_uuid(),
  job_id       uuid         NOT NULL,
  device_id    uuid         NOT NULL,
  assigned_by  varchar(32)  NOT NULL,
  assigned_at  timestamptz  NOT NULL DEFAULT now(),
  updated_at   timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT pk_job_assignments PRIMARY KEY (id),
  CONSTRAINT uq_job_assignments_job_id UNIQUE (job_id),
  CONSTRAINT fk_job_assignments_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_assignments_device FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE RESTRICT,
  CONSTRAINT ck_job_assignments_assigned_by CHECK (assigned_by IN ('auto', 'admin', 'admin_unlock'))
);
CREATE INDEX ix_job_assignments_device_id ON job_assignments (device_id);
CREATE TRIGGER tg_job_assignments_updated_at BEFORE UPDATE ON job_assignments
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE job_assignments IS 'Which device owns a job right now: at most one row per job. A device reaches only the jobs assigned to it.';
COMMENT ON COLUMN job_assignments.id IS 'Internal key.';
COMMENT ON COLUMN job_assignments.job_id IS 'The assigned job (unique: one device per job).';
COMMENT ON COLUMN job_assignments.device_id IS 'The owning device; a device holding a job cannot be deleted.';
COMMENT ON COLUMN job_assignments.assigned_by IS 'auto (the device created the job), admin (assigned by an admin) or admin_unlock (reassigned when an admin unlocked an archived job).';
COMMENT ON COLUMN job_assignments.assigned_at IS 'When the current device got the job.';
COMMENT ON COLUMN job_assignments.updated_at IS 'When the row last changed (maintained by trigger).';

CREATE TABLE runtime_counters (
  id             uuid          NOT NULL DEFAULT gen_random_uuid(),
  counter_key    varchar(128)  NOT NULL,
  current_value  bigint        NOT NULL DEFAULT 0,
  created_at     timestamptz   NOT NULL DEFAULT now(),
  updated_at     timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_runtime_counters PRIMARY KEY (id),
  CONSTRAINT uq_runtime_counters_counter_key UNIQUE (counter_key),
  CONSTRAINT ck_runtime_counters_value_not_negative CHECK (current_value >= 0)
);
CREATE TRIGGER tg_runtime_counters_updated_at BEFORE UPDATE ON runtime_counters
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
INSERT INTO runtime_counters (counter_key) VALUES ('job_number'), ('customer_code'), ('billing_code');

COMMENT ON TABLE runtime_counters IS 'Monotonic counters for human codes. Allocation locks the row (SELECT ... FOR UPDATE) inside the inserting transaction, so numbers are unique and gap-free.';
COMMENT ON COLUMN runtime_counters.id IS 'Internal key.';
COMMENT ON COLUMN runtime_counters.counter_key IS 'job_number, customer_code or billing_code.';
COMMENT ON COLUMN runtime_counters.current_value IS 'Last number handed out.';
COMMENT ON COLUMN runtime_counters.created_at IS 'When the counter was created.';
COMMENT ON COLUMN runtime_counters.updated_at IS 'When the counter last advanced (maintained by trigger).';

CREATE TABLE runtime_profiles (
  id               uuid          NOT NULL DEFAULT gen_random_uuid(),
  identity_key     varchar(255)  NOT NULL,
  profile_payload  jsonb         NOT NULL DEFAULT '{}'::jsonb,
  created_at       timestamptz   NOT NULL DEFAULT now(),
  updated_at       timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT pk_runtime_profiles PRIMARY KEY (id),
  CONSTRAINT uq_runtime_profiles_identity_key UNIQUE (identity_key),
  CONSTRAINT ck_runtime_profiles_payload_object CHECK (jsonb_typeof(profile_payload) = 'object'),
  CONSTRAINT ck_runtime_profiles_identity_key_format CHECK (identity_key = 'admin' OR identity_key LIKE 'device:_%')
);
CREATE TRIGGER tg_runtime_profiles_updated_at BEFORE UPDATE ON runtime_profiles
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON TABLE runtime_profiles IS 'The arborist profile (name, ISA number, correspondence address) printed on report letters, one per caller identity.';
COMMENT ON COLUMN runtime_profiles.id IS 'Internal key.';
COMMENT ON COLUMN runtime_profiles.identity_key IS 'device:<device_id> for a device token, admin for the server admin key (never the key itself).';
COMMENT ON COLUMN runtime_profiles.profile_payload IS 'JSON object with name, phone, isa_number and the correspondence_* address fields.';
COMMENT ON COLUMN runtime_profiles.created_at IS 'When the profile was first saved.';
COMMENT ON COLUMN runtime_profiles.updated_at IS 'When the row last changed (maintained by trigger).';

-- Down Migration

DROP TABLE runtime_profiles;
DROP TABLE runtime_counters;
DROP TABLE job_assignments;
DROP TABLE jobs;
DROP TABLE trees;
DROP TABLE operators;
DROP TABLE projects;
DROP TABLE billing_profiles;
DROP TABLE customers;
DROP TYPE round_status;
DROP TYPE job_status;
