import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// Backups of everything Baraza cannot rebuild: the SQLite database and the attachment files. The search
// index is not in them (it is derived: rebuilt from SQLite after a restore). A backup is taken while the
// site runs, with SQLite's online backup API, so it is one consistent moment of the database; the files
// are copied around that moment so that every attachment the copy refers to is in it:
//   1. every file in uploads/ is copied (a file is written before its row, and its row is deleted before
//      the file, so a file referenced at step 2 and gone by step 3 was already copied here);
//   2. the database is copied;
//   3. files the copied database refers to that step 1 missed (uploaded meanwhile) are copied, and files
//      it does not refer to are dropped.
// Then the backup is verified as a restore would verify it, and a manifest records what it holds.

const databaseFile = 'baraza.db';
const uploadsFolder = 'uploads';
const manifestFile = 'manifest.json';
const storageNamePattern = /^[0-9a-f]{32}$/;

export type BackupManifest = {
  format: 1;
  createdAt: string;
  database: { file: string; bytes: number; sha256: string };
  attachments: { count: number; bytes: number };
};

export type Verification = { ok: true; attachments: number } | { ok: false; problems: string[] };

/** A file's SHA-256, read in chunks (a database can be larger than memory allows reading at once). */
function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const descriptor = fs.openSync(file, 'r');
  try {
    for (let read = fs.readSync(descriptor, buffer); read > 0; read = fs.readSync(descriptor, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(descriptor);
  }
  return hash.digest('hex');
}

/** Attachment files a database refers to, with the size each must have. */
function referencedFiles(databasePath: string): { storageName: string; byteSize: number }[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select storage_name as storageName, byte_size as byteSize from attachments').all() as { storageName: string; byteSize: number }[];
  } finally {
    db.close();
  }
}

function copyFile(from: string, to: string): boolean {
  try {
    fs.copyFileSync(from, to);
    fs.chmodSync(to, 0o600);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The backup folder's name for a moment: sortable, and safe on every file system. */
export const backupName = (at: Date) => `baraza-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;

/**
 * A consistent copy of the database and its attachments in a new folder under `targetRoot`, readable by
 * its owner only (a backup holds everything members wrote). Throws, leaving no folder, if it does not verify.
 */
export async function createBackup(options: { databasePath: string; uploadsDir: string; targetRoot: string; now?: Date }): Promise<{ dir: string; manifest: BackupManifest }> {
  const dir = path.join(options.targetRoot, backupName(options.now ?? new Date()));
  const uploads = path.join(dir, uploadsFolder);
  fs.mkdirSync(options.targetRoot, { recursive: true, mode: 0o700 });
  fs.mkdirSync(dir, { mode: 0o700 });
  try {
    fs.mkdirSync(uploads, { mode: 0o700 });
    const present = fs.existsSync(options.uploadsDir) ? fs.readdirSync(options.uploadsDir).filter((name) => storageNamePattern.test(name)) : [];
    for (const name of present) copyFile(path.join(options.uploadsDir, name), path.join(uploads, name));

    const source = new Database(options.databasePath, { readonly: true, fileMustExist: true });
    try {
      await source.backup(path.join(dir, databaseFile));
    } finally {
      source.close();
    }
    fs.chmodSync(path.join(dir, databaseFile), 0o600);

    const referenced = referencedFiles(path.join(dir, databaseFile));
    const wanted = new Set(referenced.map((file) => file.storageName));
    for (const { storageName } of referenced) {
      const target = path.join(uploads, storageName);
      if (!fs.existsSync(target)) copyFile(path.join(options.uploadsDir, storageName), target);
    }
    for (const name of fs.readdirSync(uploads)) if (!wanted.has(name)) fs.rmSync(path.join(uploads, name));

    const verification = verifyBackup(dir, { requireManifest: false });
    if (!verification.ok) throw new Error(`The backup did not verify: ${verification.problems.join('; ')}`);
    const manifest: BackupManifest = {
      format: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: { file: databaseFile, bytes: fs.statSync(path.join(dir, databaseFile)).size, sha256: sha256Of(path.join(dir, databaseFile)) },
      attachments: { count: referenced.length, bytes: referenced.reduce((sum, file) => sum + file.byteSize, 0) },
    };
    fs.writeFileSync(path.join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return { dir, manifest };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Whether a backup folder can be restored: the manifest's checksum matches, SQLite's integrity and foreign
 * key checks pass, and every attachment the database refers to is there with its recorded size.
 */
export function verifyBackup(dir: string, { requireManifest = true }: { requireManifest?: boolean } = {}): Verification {
  const problems: string[] = [];
  const database = path.join(dir, databaseFile);
  if (!fs.existsSync(database)) return { ok: false, problems: [`${databaseFile} is missing`] };
  const manifestPath = path.join(dir, manifestFile);
  if (fs.existsSync(manifestPath)) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as BackupManifest;
    if (manifest.format !== 1) problems.push(`unknown backup format ${String(manifest.format)}`);
    if (manifest.database.sha256 !== sha256Of(database)) problems.push(`${databaseFile} does not match the checksum in ${manifestFile}`);
  } else if (requireManifest) problems.push(`${manifestFile} is missing`);
  // A damaged file can fail to open at all; that is a failed check too, not a crash.
  let referenced: { storageName: string; byteSize: number }[] = [];
  try {
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
      if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(`integrity check: ${integrity.map((row) => row.integrity_check).join(', ')}`);
      const foreignKeys = db.pragma('foreign_key_check') as unknown[];
      if (foreignKeys.length) problems.push(`${foreignKeys.length} rows break a foreign key`);
    } finally {
      db.close();
    }
    referenced = referencedFiles(database);
  } catch (error) {
    problems.push(`the database cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const file of referenced) {
    const stored = path.join(dir, uploadsFolder, file.storageName);
    if (!storageNamePattern.test(file.storageName) || !fs.existsSync(stored)) problems.push(`attachment ${file.storageName} is missing`);
    else if (fs.statSync(stored).size !== file.byteSize) problems.push(`attachment ${file.storageName} has the wrong size`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, attachments: referenced.length };
}

/** Written by scripts/serve.ts while the site runs on a data folder. */
export const runningPidFile = (dataDir: string) => path.join(dataDir, 'baraza.pid');

/** Whether a live process says it serves this data folder (a file left by a crash names a dead process). */
export function isSiteRunning(dataDir: string): boolean {
  const pid = Number.parseInt(fs.existsSync(runningPidFile(dataDir)) ? fs.readFileSync(runningPidFile(dataDir), 'utf8') : '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The file that asks the next start to rebuild the search index from the (restored) database. */
export const searchRebuildMarker = (dataDir: string) => path.join(dataDir, 'search-rebuild-requested');

/**
 * Puts a verified backup in place of the database and the attachments, with the site stopped. What was
 * there is kept beside them (`*.before-restore-<time>`), never deleted; the next start rebuilds the
 * search index. Throws before touching anything if the backup does not verify.
 */
export function restoreBackup(options: { backupDir: string; databasePath: string; uploadsDir: string; dataDir: string; now?: Date }): { keptAs: string[] } {
  // Swapping the files under a running site would lose its writes and confuse its open connections.
  if (isSiteRunning(options.dataDir)) throw new Error('Baraza is running on this data folder: stop it before restoring.');
  const verification = verifyBackup(options.backupDir);
  if (!verification.ok) throw new Error(`The backup cannot be restored: ${verification.problems.join('; ')}`);
  const suffix = `.before-restore-${backupName(options.now ?? new Date()).replace('baraza-backup-', '')}`;
  const keptAs: string[] = [];
  const incoming = `${options.databasePath}.restoring`;
  const incomingUploads = `${options.uploadsDir}.restoring`;
  fs.mkdirSync(path.dirname(options.databasePath), { recursive: true });
  // Copied next to their destinations first, so the swap below is renames on one file system.
  fs.copyFileSync(path.join(options.backupDir, databaseFile), incoming);
  fs.chmodSync(incoming, 0o600);
  fs.rmSync(incomingUploads, { recursive: true, force: true });
  fs.cpSync(path.join(options.backupDir, uploadsFolder), incomingUploads, { recursive: true });

  for (const file of [options.databasePath, `${options.databasePath}-wal`, `${options.databasePath}-shm`, options.uploadsDir]) {
    if (!fs.existsSync(file)) continue;
    fs.renameSync(file, `${file}${suffix}`);
    keptAs.push(`${file}${suffix}`);
  }
  fs.renameSync(incoming, options.databasePath);
  fs.renameSync(incomingUploads, options.uploadsDir);
  fs.writeFileSync(searchRebuildMarker(options.dataDir), `${new Date().toISOString()}\n`);
  return { keptAs };
}
