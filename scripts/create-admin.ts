import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { users } from '../db/schema/accounts';
import { insertUser } from '../db/seed/factories';
import { hashPassword } from '../lib/auth/passwords';
import { prepareDatabase, resolvePaths } from './prepare';

// One-time bootstrap for a production database: creates the first admin and prints a generated password.
// Refuses once any admin exists; later admins are promoted from the admin pages.
const username = (process.argv[2] ?? '').trim().toLowerCase();
if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(username)) {
  process.stderr.write('Usage: npm run create-admin -- <username>   (3-32 characters: a-z, 0-9, . _ -)\n');
  process.exit(2);
}
const { dataDir, databasePath } = resolvePaths();
await prepareDatabase({ dataDir, databasePath, demo: false });
const db = openDatabase(databasePath);
if (db.select({ id: users.id }).from(users).where(eq(users.siteRole, 'admin')).get()) {
  process.stderr.write('An admin already exists: promote further admins from /admin/members.\n');
  process.exit(1);
}
const password = randomBytes(15).toString('base64url');
insertUser(db, { username, displayName: username, passwordHash: await hashPassword(password), siteRole: 'admin' });
db.$client.close();
process.stdout.write(`Created admin "${username}" with password:\n  ${password}\nSign in and change it under Settings.\n`);
