/* @name LockIdempotencyKey */
SELECT pg_advisory_xact_lock(hashtextextended(:scope! || chr(31) || :key!, 0)) AS "locked";

/* @name FindIdempotencyKey */
SELECT request_hash, response_status, response_body
  FROM idempotency_keys
 WHERE scope = :scope! AND idempotency_key = :key!
   AND created_at > now() - make_interval(secs => :windowSeconds!);

/* @name SaveIdempotencyKey */
INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, response_status, response_body)
VALUES (:scope!, :key!, :requestHash!, :status!, :body!)
ON CONFLICT (scope, idempotency_key)
DO UPDATE SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
              response_body = EXCLUDED.response_body, created_at = now();
