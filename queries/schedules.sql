/* @name EnsureScheduledTask */
-- The task's row, due now when it is new (an existing row keeps its time).
INSERT INTO scheduled_tasks (task) VALUES (:task!) ON CONFLICT (task) DO NOTHING;

/* @name ClaimDueTask */
-- The task's row when it is due and no other process holds it; held until the
-- transaction ends.
SELECT task, next_run_at
  FROM scheduled_tasks
 WHERE task = :task! AND next_run_at <= now()
   FOR UPDATE SKIP LOCKED;

/* @name FinishScheduledTask */
-- After a run: due again one interval after this run started.
UPDATE scheduled_tasks
   SET last_run_at = now(),
       next_run_at = now() + make_interval(secs => :intervalSeconds!::float8),
       last_outcome = :outcome!::jsonb
 WHERE task = :task!;
