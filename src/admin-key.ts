import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ADMIN_KEY_FILE = 'admin-api-key';

/**
 * The admin key for development: generated once, kept in <dataDir>/admin-api-key
 * (mode 600) and reused on every later start. Production never gets here: it
 * refuses to start without TRAQ_API_KEY.
 */
export function devAdminKey(dataDir: string): { key: string; file: string; created: boolean } {
  const file = path.join(dataDir, ADMIN_KEY_FILE);
  try {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (key.length >= 16) return { key, file, created: false };
  } catch {
    // not there yet
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = `traq_admin_${randomBytes(24).toString('base64url')}`;
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { key, file, created: true };
}
