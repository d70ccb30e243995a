import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { attachments } from '@/db/schema/case-studies';
import { insertCaseStudy, insertOrganisation, insertUser } from '@/db/seed/factories';
import { seedTaxonomy } from '@/db/seed/taxonomy';
import { createBackup, restoreBackup, runningPidFile, searchRebuildMarker, verifyBackup } from '@/lib/backup/backup';
import { newId } from '@/lib/ids';

// Backups against real SQLite files and real attachment files in a temporary data folder: a backup taken
// while another connection writes is one consistent moment; a restore brings back exactly that moment and
// its files; a damaged or incomplete backup is refused before anything is touched.

let root: string;
let dataDir: string;
let databasePath: string;
let uploadsDir: string;
let db: Db;
let caseStudyId: string;

const countRows = (file: string, table: string) => {
  const connection = new Database(file, { readonly: true });
  try {
    return (connection.prepare(`select count(*) as count from ${table}`).get() as { count: number }).count;
  } finally {
    connection.close();
  }
};

/** Writes `count` rows of the rate-limit table in one transaction (any table would do; this one has no foreign keys). */
function writeBatch(connection: Database.Database, count: number) {
  const insert = connection.prepare('insert into rate_limits (key, window_start, count) values (?, 0, 1)');
  connection.transaction(() => {
    for (let index = 0; index < count; index += 1) insert.run(randomBytes(32).toString('hex'));
  })();
}

/** An attachment row with its file on disk, as lib/case-studies/attachments.ts stores them. */
function addStoredAttachment(bytes = randomBytes(2_000)): string {
  const storageName = randomBytes(16).toString('hex');
  fs.mkdirSync(uploadsDir, { recursive: true });
  fs.writeFileSync(path.join(uploadsDir, storageName), bytes);
  db.insert(attachments).values({ id: newId(), caseStudyId, storageName, fileName: 'report.pdf', mimeType: 'application/pdf', byteSize: bytes.length }).run();
  return storageName;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'baraza-backup-'));
  dataDir = path.join(root, 'data');
  databasePath = path.join(dataDir, 'baraza.db');
  uploadsDir = path.join(dataDir, 'uploads');
  db = openDatabase(databasePath);
  migrateDatabase(db);
  seedTaxonomy(db);
  const userId = insertUser(db, { username: 'author', passwordHash: 'not-a-real-hash' });
  const organisation = insertOrganisation(db, { name: 'Backup Test Organisation', type: 'kp_led', countryCode: 'KE' });
  caseStudyId = insertCaseStudy(db, { organisationId: organisation.id, title: 'A case study with files', language: 'en', sections: {}, authorIds: [userId] });
  // About 2 MB, so the online backup copies it in many steps, with writes landing between them.
  writeBatch(db.$client, 20_000);
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('copies one consistent moment while another connection keeps writing, with every attachment that moment refers to', async () => {
    const kept = [addStoredAttachment(), addStoredAttachment()];
    fs.writeFileSync(path.join(uploadsDir, randomBytes(16).toString('hex')), 'an orphan: no row refers to it');
    const before = countRows(databasePath, 'rate_limits');
    const writer = new Database(databasePath);
    let steps = 0;
    const backupPromise = createBackup({ databasePath, uploadsDir, targetRoot: path.join(root, 'backups'), now: new Date('2026-12-03T10:00:00Z') });
    // Batches of 10 rows committed while the backup runs: it must hold a whole number of them.
    const interval = setInterval(() => {
      if (steps++ < 20) writeBatch(writer, 10);
    }, 0);
    const { dir, manifest } = await backupPromise;
    clearInterval(interval);
    writer.close();

    expect(steps).toBeGreaterThan(0); // writes landed while the backup ran
    const backedUp = countRows(path.join(dir, 'baraza.db'), 'rate_limits');
    expect(backedUp).toBeGreaterThanOrEqual(before);
    expect((backedUp - before) % 10).toBe(0);
    expect(path.basename(dir)).toBe('baraza-backup-20261203T100000Z');
    expect(manifest.attachments.count).toBe(2);
    expect(fs.readdirSync(path.join(dir, 'uploads')).sort()).toEqual([...kept].sort());
    expect(verifyBackup(dir)).toEqual({ ok: true, attachments: 2 });
    // Only its owner may read a backup.
    expect(fs.statSync(dir).mode & 0o077).toBe(0);
    expect(fs.statSync(path.join(dir, 'baraza.db')).mode & 0o077).toBe(0);
  });

  it('refuses a backup whose database was damaged, whose checksum no longer matches, or that lost an attachment', async () => {
    const storageName = addStoredAttachment();
    const { dir } = await createBackup({ databasePath, uploadsDir, targetRoot: path.join(root, 'backups') });

    fs.rmSync(path.join(dir, 'uploads', storageName));
    expect(verifyBackup(dir)).toEqual({ ok: false, problems: [`attachment ${storageName} is missing`] });

    const damaged = (await createBackup({ databasePath, uploadsDir, targetRoot: path.join(root, 'backups'), now: new Date(Date.now() + 1000) })).dir;
    const file = path.join(damaged, 'baraza.db');
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    fs.writeFileSync(file, bytes);
    const verification = verifyBackup(damaged);
    expect(verification.ok).toBe(false);
    expect(verification.ok ? [] : verification.problems).toContain('baraza.db does not match the checksum in manifest.json');
  });
});

describe('npm run restore', () => {
  it('brings back exactly the backed-up rows and files, keeps what was there, and asks for a search rebuild', async () => {
    const storageName = addStoredAttachment();
    const { dir } = await createBackup({ databasePath, uploadsDir, targetRoot: path.join(root, 'backups') });
    const backedUp = countRows(databasePath, 'rate_limits');

    // After the backup: rows written and the attachment deleted; then the site is stopped.
    writeBatch(db.$client, 50);
    db.delete(attachments).run();
    fs.rmSync(path.join(uploadsDir, storageName));
    db.$client.close();

    const { keptAs } = restoreBackup({ backupDir: dir, databasePath, uploadsDir, dataDir });
    expect(countRows(databasePath, 'rate_limits')).toBe(backedUp);
    expect(countRows(databasePath, 'attachments')).toBe(1);
    expect(fs.existsSync(path.join(uploadsDir, storageName))).toBe(true);
    expect(keptAs.some((file) => file.startsWith(`${databasePath}.before-restore-`))).toBe(true);
    expect(countRows(keptAs.find((file) => file.endsWith('Z') && file.startsWith(`${databasePath}.before`))!, 'rate_limits')).toBe(backedUp + 50);
    expect(fs.existsSync(searchRebuildMarker(dataDir))).toBe(true);
    db = openDatabase(databasePath);
  });

  it('refuses while the site runs on the data folder, and refuses a broken backup, touching nothing', async () => {
    const { dir } = await createBackup({ databasePath, uploadsDir, targetRoot: path.join(root, 'backups') });
    const live = fs.readFileSync(databasePath);

    fs.writeFileSync(runningPidFile(dataDir), `${process.pid}\n`);
    expect(() => restoreBackup({ backupDir: dir, databasePath, uploadsDir, dataDir })).toThrow('Baraza is running on this data folder');
    // A pid file left by a crash names a process that is gone: not a running site.
    fs.writeFileSync(runningPidFile(dataDir), '999999999\n');

    fs.rmSync(path.join(dir, 'manifest.json'));
    expect(() => restoreBackup({ backupDir: dir, databasePath, uploadsDir, dataDir })).toThrow('manifest.json is missing');
    expect(fs.readFileSync(databasePath).equals(live)).toBe(true);
    expect(fs.existsSync(searchRebuildMarker(dataDir))).toBe(false);
  });
});
