-- Audit events for the admin edits of customers, billing profiles and
-- projects (creation, updates, deletion), which change what every job of
-- theirs shows.

-- Up Migration

ALTER TYPE event_type ADD VALUE 'customer_created';
ALTER TYPE event_type ADD VALUE 'customer_updated';
ALTER TYPE event_type ADD VALUE 'customer_deleted';
ALTER TYPE event_type ADD VALUE 'billing_profile_created';
ALTER TYPE event_type ADD VALUE 'billing_profile_updated';
ALTER TYPE event_type ADD VALUE 'billing_profile_deleted';
ALTER TYPE event_type ADD VALUE 'project_created';
ALTER TYPE event_type ADD VALUE 'project_updated';

-- Down Migration

-- PostgreSQL cannot drop enum values: rebuild the type without them (fails if any audit row uses them).
ALTER TYPE event_type RENAME TO event_type_with_party_events;
CREATE TYPE event_type AS ENUM (
  'device_registered', 'device_approved', 'device_revoked', 'token_issued', 'profile_updated',
  'job_created', 'job_updated', 'job_assigned', 'job_unassigned', 'job_unlocked',
  'round_created', 'manifest_updated', 'round_submitted', 'round_reprocessed', 'review_returned',
  'round_failed', 'round_reopened', 'final_generated', 'correction_generated', 'status_changed',
  'customer_merged', 'billing_profile_merged', 'retention_pruned'
);
COMMENT ON TYPE event_type IS 'What happened, one value per kind of state change.';
ALTER TABLE job_events ALTER COLUMN event_type TYPE event_type USING event_type::text::event_type;
DROP TYPE event_type_with_party_events;
