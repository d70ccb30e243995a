import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { getDb } from '@/db/client';
import { attachments } from '@/db/schema/case-studies';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertCan } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { acceptedAttachmentTypes, maxAttachmentBytes, maxAttachmentNameLength, maxAttachmentsPerCaseStudy, type AttachmentKind } from './attachment-rules';
import { loadCaseStudy } from './load';
import { editPermissionFor, isEditableStatus } from './workflow';

// Case-study attachments. Members may be endangered by what a file reveals, so: the type comes from the
// content, images are re-encoded without any metadata, the original name is only ever displayed, and the
// stored file has a random name readable by this process alone.

type Db = ReturnType<typeof getDb>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// A decompression bomb (a small file that decodes to gigapixels) must not exhaust memory: 60 megapixels
// covers phone and camera photos while bounding the decoded size to a few hundred MB at worst.
const maxImagePixels = 60_000_000;

/** Whether the viewer may attach one more file to this case study now. */
function assertCanAttach(tx: Tx | Db, viewer: MaybeViewer, caseStudyId: string) {
  const { row: { status }, facts } = loadCaseStudy(tx, caseStudyId);
  assertCan(viewer, editPermissionFor(status), facts);
  if (!isEditableStatus(status)) throw new AppError('conflict', 'errors.not_editable');
  const existing = tx.select({ total: count() }).from(attachments).where(eq(attachments.caseStudyId, caseStudyId)).get();
  if ((existing?.total ?? 0) >= maxAttachmentsPerCaseStudy) throw new AppError('conflict', 'errors.attachment_limit');
}

/** The kind of file, read from its first bytes; names and client-declared types are never trusted. */
async function detectKind(bytes: Uint8Array): Promise<AttachmentKind> {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  // SVG and HTML are text and never detected; a plain zip is `zip`; macro-enabled Office files are docm/xlsm/pptm.
  if (!detected || !Object.hasOwn(acceptedAttachmentTypes, detected.ext)) throw new AppError('invalid_input', 'errors.attachment_type');
  const kind = detected.ext as AttachmentKind;
  if (acceptedAttachmentTypes[kind].mimeType !== detected.mime) throw new AppError('invalid_input', 'errors.attachment_type');
  return kind;
}

/**
 * Re-encodes an image so that nothing but pixels survives: EXIF (GPS position, camera serial, owner name),
 * XMP, IPTC, ICC comments and PNG text chunks are all dropped, because sharp writes none of them unless
 * asked. The EXIF orientation is applied to the pixels first, so the photo still stands the right way up.
 */
async function stripImageMetadata(bytes: Uint8Array, kind: 'jpg' | 'png'): Promise<Uint8Array> {
  try {
    // failOn 'error': phones often write JPEGs with harmless warnings (such as trailing bytes); refuse only broken ones.
    const image = sharp(bytes, { limitInputPixels: maxImagePixels, failOn: 'error' }).autoOrient();
    return kind === 'jpg' ? await image.jpeg({ quality: 90 }).toBuffer() : await image.png().toBuffer();
  } catch {
    throw new AppError('invalid_input', 'errors.attachment_unreadable');
  }
}

/**
 * The name shown to readers and offered on download: no folders, no control or bidirectional-override
 * characters (which can disguise `report‮fdp.exe`), at most 200 characters, and an extension that matches
 * the detected type, so a PDF uploaded as `notes.html` is saved as `notes.html.pdf` and opens as a PDF.
 */
export function sanitiseFileName(name: string, kind: AttachmentKind): string {
  const { extensions } = acceptedAttachmentTypes[kind];
  const lastPart = name.split(/[\\/]/).pop() ?? '';
  const clean = lastPart
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const lower = clean.toLowerCase();
  const kept = extensions.find((extension) => lower.endsWith(`.${extension}`) && lower.length > extension.length + 1);
  const stem = kept ? clean.slice(0, -(kept.length + 1)) : clean;
  const extension = kept ? clean.slice(-kept.length) : extensions[0];
  const shortStem = Array.from(stem)
    .slice(0, maxAttachmentNameLength - extension.length - 1)
    .join('')
    .trim();
  return `${shortStem || 'attachment'}.${extension}`;
}

function uploadsDirectory(): string {
  return path.resolve(getEnv().DATA_DIR, 'uploads');
}

/** Where an attachment's bytes live (the own-data archive reads them from there). */
export function storagePath(storageName: string): string {
  // Storage names are ours (32 hex characters); anything else would be a corrupted row, never a path to follow.
  if (!/^[0-9a-f]{32}$/.test(storageName)) throw new Error(`Invalid attachment storage name: ${storageName}`);
  return path.join(uploadsDirectory(), storageName);
}

/** Writes the bytes under a fresh random name, readable and writable by this process's user only. */
async function writeStoredFile(bytes: Uint8Array): Promise<string> {
  await fs.mkdir(uploadsDirectory(), { recursive: true, mode: 0o700 });
  const storageName = randomBytes(16).toString('hex');
  const file = storagePath(storageName);
  try {
    // `wx`: never overwrite, even in the astronomically unlikely case of a name collision.
    await fs.writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    await removeStoredFile(storageName);
    throw error;
  }
  return storageName;
}

/** Removes a stored file; one already gone is fine (a deletion retried, a restore without uploads). */
export async function removeStoredFile(storageName: string): Promise<void> {
  try {
    await fs.unlink(storagePath(storageName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.error('Could not remove an attachment file', error);
  }
}

export type AttachmentUpload = { name: string; bytes: Uint8Array };

/**
 * Attaches a file to a case study its viewer may edit. The checks run before any work on the bytes and
 * again inside the transaction (the status, the authors or the count may change while an image is
 * re-encoded). The file is written before the row, and removed if the row cannot be inserted, so a row
 * never points at a missing file.
 */
export async function addAttachment({ viewer, caseStudyId, file }: { viewer: MaybeViewer; caseStudyId: string; file: AttachmentUpload }): Promise<{ id: string; fileName: string }> {
  assertCanAttach(getDb(), viewer, caseStudyId);
  if (!viewer) throw new AppError('unauthenticated');
  if (file.bytes.byteLength === 0) throw new AppError('invalid_input', 'errors.attachment_empty');
  if (file.bytes.byteLength > maxAttachmentBytes) throw new AppError('invalid_input', 'errors.attachment_too_large');

  const kind = await detectKind(file.bytes);
  const stored = kind === 'jpg' || kind === 'png' ? await stripImageMetadata(file.bytes, kind) : file.bytes;
  const fileName = sanitiseFileName(file.name, kind);
  const storageName = await writeStoredFile(stored);
  const id = newId();
  try {
    getDb().transaction(
      (tx) => {
        assertCanAttach(tx, viewer, caseStudyId);
        tx.insert(attachments)
          .values({ id, caseStudyId, storageName, fileName, mimeType: acceptedAttachmentTypes[kind].mimeType, byteSize: stored.byteLength, uploadedBy: viewer.userId })
          .run();
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    await removeStoredFile(storageName);
    throw error;
  }
  return { id, fileName };
}

/** Removes an attachment from a case study its viewer may edit; the file goes once the row is gone. */
export async function deleteAttachment({ viewer, attachmentId }: { viewer: MaybeViewer; attachmentId: string }): Promise<{ caseStudyId: string }> {
  const removed = getDb().transaction(
    (tx) => {
      const row = tx.select({ caseStudyId: attachments.caseStudyId, storageName: attachments.storageName }).from(attachments).where(eq(attachments.id, attachmentId)).get();
      if (!row) throw new AppError('not_found');
      const { row: { status }, facts } = loadCaseStudy(tx, row.caseStudyId);
      assertCan(viewer, editPermissionFor(status), facts);
      if (!isEditableStatus(status)) throw new AppError('conflict', 'errors.not_editable');
      tx.delete(attachments).where(eq(attachments.id, attachmentId)).run();
      return row;
    },
    { behavior: 'immediate' },
  );
  // After the commit: a crash here leaves an orphaned file, never a row pointing at nothing.
  await removeStoredFile(removed.storageName);
  return { caseStudyId: removed.caseStudyId };
}

export type AttachmentDownload = { fileName: string; mimeType: string; byteSize: number; stream: ReadableStream<Uint8Array> };

/** An attachment's content for a viewer who may read its case study; anyone else gets `not_found`, as for a missing id. */
export async function readAttachment({ viewer, attachmentId }: { viewer: MaybeViewer; attachmentId: string }): Promise<AttachmentDownload> {
  const db = getDb();
  const row = db
    .select({ caseStudyId: attachments.caseStudyId, storageName: attachments.storageName, fileName: attachments.fileName, mimeType: attachments.mimeType })
    .from(attachments)
    .where(eq(attachments.id, attachmentId))
    .get();
  if (!row) throw new AppError('not_found');
  assertCan(viewer, 'caseStudy.read', loadCaseStudy(db, row.caseStudyId).facts);

  let handle: fs.FileHandle;
  try {
    handle = await fs.open(storagePath(row.storageName), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.error(`Attachment ${attachmentId} has no file on disk`);
    throw new AppError('not_found');
  }
  const { size } = await handle.stat();
  // The stream closes the handle when it ends, fails or is cancelled (a download aborted by the reader).
  const stream = Readable.toWeb(handle.createReadStream()) as unknown as ReadableStream<Uint8Array>;
  return { fileName: row.fileName, mimeType: row.mimeType, byteSize: size, stream };
}

/** RFC 5987 encoding for `filename*`: encodeURIComponent leaves ' ( ) * unescaped, which that grammar forbids. */
function encodeHeaderValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

const storedMimeTypes: readonly string[] = Object.values(acceptedAttachmentTypes).map((type) => type.mimeType);

/**
 * Headers for serving an attachment: always a download, never rendered by the browser, never cached by a
 * shared cache, and sandboxed should a browser render it anyway.
 */
export function downloadHeaders(fileName: string, mimeType: string, byteSize?: number): Record<string, string> {
  // A plain-ASCII fallback for old clients; `filename*` carries the real name.
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const headers: Record<string, string> = {
    'Content-Type': storedMimeTypes.includes(mimeType) ? mimeType : 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeHeaderValue(fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (byteSize !== undefined) headers['Content-Length'] = String(byteSize);
  return headers;
}
