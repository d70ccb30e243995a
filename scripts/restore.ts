import path from 'node:path';
import { restoreBackup, verifyBackup } from '../lib/backup/backup';
import { resolvePaths } from './prepare';

// `npm run restore -- <backup folder>`, with the site stopped: verifies the backup, keeps what is there
// beside it (*.before-restore-<time>), puts the backup in place; the next start rebuilds the search index.
// `npm run restore -- --check <backup folder>` only verifies.
const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
const backupDir = args[checkOnly ? 1 : 0];
if (!backupDir) {
  process.stderr.write('Usage: npm run restore -- [--check] <backup folder>\n');
  process.exit(2);
}
const { dataDir, databasePath } = resolvePaths();
try {
  if (checkOnly) {
    const verification = verifyBackup(path.resolve(backupDir));
    if (!verification.ok) throw new Error(verification.problems.join('; '));
    process.stdout.write(`Backup verified: ${verification.attachments} attachments, database intact.\n`);
  } else {
    const { keptAs } = restoreBackup({ backupDir: path.resolve(backupDir), databasePath, uploadsDir: path.join(dataDir, 'uploads'), dataDir });
    process.stdout.write(`Restored ${backupDir}.\n${keptAs.map((file) => `  previous data kept as ${file}\n`).join('')}Start Baraza again: the search index is rebuilt on start.\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
