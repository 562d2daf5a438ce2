/* @name HitRateWindow */
-- Counts one request of a client in the current one-minute window, in one
-- statement: a new client or a new minute starts at 1, otherwise hits + 1.
-- The row lock makes concurrent requests (from any process) count one by one.
-- retry_after: whole seconds until the window ends.
INSERT INTO auth_rate_windows AS w (scope, client, window_start, hits)
VALUES (:scope!, :client!, date_trunc('minute', now()), 1)
ON CONFLICT (scope, client) DO UPDATE
   SET hits = CASE WHEN w.window_start = EXCLUDED.window_start THEN w.hits + 1 ELSE 1 END,
       window_start = EXCLUDED.window_start
RETURNING hits AS "hits!",
          GREATEST(1, ceil(extract(epoch FROM (window_start + interval '1 minute' - now()))))::int AS "retry_after!";

/* @name SweepRateWindows */
-- Rows of windows that have ended (clients that stopped coming).
DELETE FROM auth_rate_windows WHERE window_start < date_trunc('minute', now());
