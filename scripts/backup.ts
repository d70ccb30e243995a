import path from 'node:path';
import { createBackup } from '../lib/backup/backup';
import { resolvePaths } from './prepare';

// `npm run backup [-- <folder>]`: a consistent copy of the database and attachments while the site runs,
// verified before it is kept. Default folder: $BACKUP_DIR, else ./backups. Keep backups somewhere only the
// operator can read: they hold everything members wrote.
const { dataDir, databasePath } = resolvePaths();
const targetRoot = path.resolve(process.argv[2] ?? process.env.BACKUP_DIR ?? 'backups');
try {
  const { dir, manifest } = await createBackup({ databasePath, uploadsDir: path.join(dataDir, 'uploads'), targetRoot });
  process.stdout.write(`Backup verified: ${dir}\n  database ${manifest.database.bytes} bytes (sha256 ${manifest.database.sha256.slice(0, 16)}…), ${manifest.attachments.count} attachments\n`);
} catch (error) {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
