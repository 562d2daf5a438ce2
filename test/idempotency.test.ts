import t from 'tap';
import { idempotentCreate } from '../src/domain/idempotency.js';
import { rejectsWith } from './helpers/assert.js';
import { freshDatabase } from './helpers/db.js';

t.test('an Idempotency-Key replays the first answer and creates nothing more', async (t) => {
  const { pool } = await freshDatabase(t);
  let n = 0;
  const create = (key: string | undefined, body: unknown = { name: 'a' }) =>
    idempotentCreate(pool, { key, scope: 'device:d1 POST /things', request: body }, async (tx) => {
      const id = `dev-${++n}`;
      await tx.query(`INSERT INTO devices (device_id) VALUES ($1)`, [id]);
      return { device_id: id };
    });
  const count = async () => (await pool.query(`SELECT count(*)::int AS n FROM devices`)).rows[0].n as number;

  const first = await create('k1');
  t.same(await create('k1'), first, 'the replay is the first answer');
  t.equal(await count(), 1, 'one row for two requests');
  await rejectsWith(t, create('k1', { name: 'b' }), { status: 422, code: 'idempotency_key_reused' }, 'same key, other request: refused');
  t.not((await create('k2')).device_id, first.device_id, 'another key creates');
  t.not((await create(undefined)).device_id, first.device_id, 'no key: no replay');

  const results = await Promise.all(Array.from({ length: 10 }, () => create('k3')));
  t.equal(new Set(results.map((r) => r.device_id)).size, 1, '10 concurrent retries get one answer');
  t.equal(await count(), 4, 'and created one row');

  await rejectsWith(
    t,
    idempotentCreate(pool, { key: 'k4', scope: 's', request: {} }, async () => {
      throw new Error('create failed');
    }),
    { message: 'create failed' },
  );
  t.equal((await pool.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE idempotency_key = 'k4'`)).rows[0].n, 0, 'a failed create stores no key');
});
