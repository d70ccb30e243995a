import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import './provided-context';

// Runs before each test file is imported. Vitest gives every file its own module registry, so the
// lazily opened database in db/client.ts opens this file's copy on the first getDb() call.
const databasePath = path.join(inject('runDirectory'), `file-${randomBytes(6).toString('hex')}.db`);
fs.copyFileSync(inject('templateDatabasePath'), databasePath);

process.env.DATABASE_PATH = databasePath;
// Fixed, so rate-limit HMAC keys are reproducible; 32+ characters as lib/env.ts requires.
process.env.AUTH_SECRET = 'test-secret-for-vitest-0123456789-abcdefghij';
process.env.MEILI_HOST = inject('meiliHost');
process.env.MEILI_MASTER_KEY = inject('meiliMasterKey');
