import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachments } from '@/db/schema/case-studies';
import { insertCaseStudy, type InsertCaseStudyInput } from '@/db/seed/factories';
import { maxAttachmentsPerCaseStudy } from '@/lib/case-studies/attachment-rules';
import { addAttachment, deleteAttachment, downloadHeaders, readAttachment, sanitiseFileName } from '@/lib/case-studies/attachments';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import type { MaybeViewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, rejectionOf } from '../../support/errors';
import { seedPersonas, type Personas } from '../../support/personas';

// The route handlers read the viewer from the session and translate with next-intl; both need a Next
// request, so the tests stand in for them.
const session = vi.hoisted(() => ({ viewer: null as MaybeViewer }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => session.viewer }));
vi.mock('next-intl/server', () => ({ getTranslations: async (namespace: string) => (key: string) => `${namespace}.${key}` }));

const { GET: downloadRoute } = await import('@/app/api/attachments/[id]/route');
const { POST: uploadRoute } = await import('@/app/api/case-studies/[id]/attachments/route');

// A DATA_DIR of this file's own: lib/env.ts reads it on first use.
const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'baraza-attachments-'));
process.env.DATA_DIR = dataDirectory;
const uploadsDirectory = path.join(dataDirectory, 'uploads');

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});
beforeEach(() => {
  session.viewer = null;
});
afterAll(() => {
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

function caseStudy(overrides: Partial<InsertCaseStudyInput> = {}): string {
  return insertCaseStudy(testDb(), {
    organisationId: personas.organisationId,
    title: 'Safe spaces for sex workers in Mombasa',
    language: 'en',
    sections: {},
    authorIds: [personas.userIds.organisationEditor],
    visibility: 'organisation',
    status: 'draft',
    ...overrides,
  });
}

const storedRow = (id: string) => testDb().select().from(attachments).where(eq(attachments.id, id)).get()!;
const storedBytes = (id: string) => fs.readFileSync(path.join(uploadsDirectory, storedRow(id).storageName));
const storedFileCount = () => (fs.existsSync(uploadsDirectory) ? fs.readdirSync(uploadsDirectory).length : 0);
const attachmentCount = (caseStudyId: string) => testDb().select().from(attachments).where(eq(attachments.caseStudyId, caseStudyId)).all().length;

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

// --- Files built in memory -------------------------------------------------------------------------

function pngWithComment(png: Buffer, keyword: string, text: string): Buffer {
  const type = Buffer.from('tEXt', 'latin1');
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const afterHeader = 8 + 25; // the signature, then the IHDR chunk (13 bytes of data)
  return Buffer.concat([png.subarray(0, afterHeader), length, type, data, crc, png.subarray(afterHeader)]);
}

/** A minimal zip (stored, not compressed) with these entries. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (mainType: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${mainType}"/></Types>`;
const docx = () => zipOf({ '[Content_Types].xml': contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'), 'word/document.xml': '<w:document/>' });
const docm = () => zipOf({ '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml'), 'word/document.xml': '<w:document/>' });

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

// --- The module ------------------------------------------------------------------------------------

describe('addAttachment: what is stored', () => {
  it('re-encodes a JPEG without any EXIF (GPS position, author), XMP or orientation tag, turning it upright first', async () => {
    const photo = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Artist: 'Jane Secret' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '1/1 17/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '36/1 49/1 0/1' },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jane Secret</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(photo.includes('Jane Secret')).toBe(true);

    const id = caseStudy();
    const { id: attachmentId, fileName } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: id, file: { name: 'IMG_2041.JPG', bytes: photo } });
    expect(fileName).toBe('IMG_2041.JPG');

    const row = storedRow(attachmentId);
    const stored = storedBytes(attachmentId);
    expect(row).toMatchObject({ caseStudyId: id, mimeType: 'image/jpeg', byteSize: stored.length, uploadedBy: personas.userIds.organisationEditor });
    const after = await sharp(stored).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Rotated by the orientation before the tag was dropped.
    expect([after.width, after.height]).toEqual([4, 8]);
    expect(stored.includes('Exif')).toBe(false);
    expect(stored.includes('GPS')).toBe(false);
    expect(stored.includes('Jane Secret')).toBe(false);
  });

  it('drops a PNG text comment', async () => {
    const png = pngWithComment(await sharp({ create: { width: 4, height: 4, channels: 4, background: '#f00' } }).png().toBuffer(), 'Comment', 'taken at the safe house on Moi Avenue');
    expect((await sharp(png).metadata()).comments).toEqual([{ keyword: 'Comment', text: 'taken at the safe house on Moi Avenue' }]);

    const { id } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: caseStudy(), file: { name: 'map.png', bytes: png } });
    const stored = storedBytes(id);
    expect(storedRow(id).mimeType).toBe('image/png');
    expect((await sharp(stored).metadata()).comments).toBeUndefined();
    expect(stored.includes('safe house')).toBe(false);
  });

  it('keeps a PDF byte for byte, under a random name readable by its owner only', async () => {
    const { id } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: caseStudy(), file: { name: 'Annual report.pdf', bytes: pdf } });
    const row = storedRow(id);
    expect(row).toMatchObject({ fileName: 'Annual report.pdf', mimeType: 'application/pdf', byteSize: pdf.length });
    expect(row.storageName).toMatch(/^[0-9a-f]{32}$/);
    expect(storedBytes(id).equals(pdf)).toBe(true);
    expect(fs.statSync(path.join(uploadsDirectory, row.storageName)).mode & 0o777).toBe(0o600);
  });

  it('accepts an Office Open XML document detected from its content', async () => {
    const { id } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: caseStudy(), file: { name: 'notes', bytes: docx() } });
    expect(storedRow(id)).toMatchObject({ fileName: 'notes.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  });
});

describe('addAttachment: what is refused', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, string][] = [
    ['an SVG', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'errors.attachment_type'],
    ['an SVG named .png', () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.png', 'errors.attachment_type'],
    ['an HTML page renamed .pdf', () => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'), 'report.pdf', 'errors.attachment_type'],
    ['a plain zip renamed .docx', () => zipOf({ 'readme.txt': 'hello', 'data.csv': 'a,b' }), 'report.docx', 'errors.attachment_type'],
    ['a macro-enabled Word document', docm, 'report.docx', 'errors.attachment_type'],
    ['a GIF', () => sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).gif().toBuffer(), 'funny.gif', 'errors.attachment_type'],
    ['a Windows program', () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'setup.pdf', 'errors.attachment_type'],
    ['an empty file', () => new Uint8Array(), 'empty.pdf', 'errors.attachment_empty'],
    ['an 11 MB file', () => Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]), 'big.pdf', 'errors.attachment_too_large'],
    ['a JPEG whose image data is broken', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0xff)]), 'broken.jpg', 'errors.attachment_unreadable'],
  ];
  it.each(cases)('refuses %s', async (_label, build, name, message) => {
    const id = caseStudy();
    const error = await rejectionOf(addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: id, file: { name, bytes: await build() } }));
    expectAppError(error, 'invalid_input');
    expect((error as AppError).message).toBe(message);
    expect(attachmentCount(id)).toBe(0);
  });

  it('leaves no file behind when it refuses', async () => {
    const files = storedFileCount();
    await rejectionOf(addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: caseStudy(), file: { name: 'x.pdf', bytes: Buffer.from('<html></html>') } }));
    expect(storedFileCount()).toBe(files);
  });

  it(`refuses one attachment more than ${maxAttachmentsPerCaseStudy}, and removes the file it had written`, async () => {
    const id = caseStudy();
    for (let index = 0; index < maxAttachmentsPerCaseStudy; index++) {
      testDb().insert(attachments).values({ id: newId(), caseStudyId: id, storageName: newId(32), fileName: `${index}.pdf`, mimeType: 'application/pdf', byteSize: 1 }).run();
    }
    const files = storedFileCount();
    const error = await rejectionOf(addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: id, file: { name: 'one-more.pdf', bytes: pdf } }));
    expectAppError(error, 'conflict');
    expect((error as AppError).message).toBe('errors.attachment_limit');
    expect(storedFileCount()).toBe(files);
  });

  it('refuses while the case study cannot be edited (withdrawn)', async () => {
    const error = await rejectionOf(addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: caseStudy({ status: 'withdrawn' }), file: { name: 'a.pdf', bytes: pdf } }));
    expectAppError(error, 'conflict');
    expect((error as AppError).message).toBe('errors.not_editable');
  });
});

describe('attachments: who may do what', () => {
  it('rejects a viewer without rights: a member of the organisation who is not an author cannot see a draft, so it is not found', async () => {
    const id = caseStudy();
    expectAppError(await rejectionOf(addAttachment({ viewer: personas.viewers.organisationMember, caseStudyId: id, file: { name: 'a.pdf', bytes: pdf } })), 'not_found');
    expectAppError(await rejectionOf(addAttachment({ viewer: personas.viewers.otherOrganisationMember, caseStudyId: id, file: { name: 'a.pdf', bytes: pdf } })), 'not_found');
    expectAppError(await rejectionOf(addAttachment({ viewer: null, caseStudyId: id, file: { name: 'a.pdf', bytes: pdf } })), 'not_found');
    expect(attachmentCount(id)).toBe(0);
  });

  it('forbids a reader who may not edit: a non-author member on a published case study, an author who left the organisation', async () => {
    const published = caseStudy({ status: 'published', visibility: 'organisation' });
    expectAppError(await rejectionOf(addAttachment({ viewer: personas.viewers.organisationMember, caseStudyId: published, file: { name: 'a.pdf', bytes: pdf } })), 'forbidden');
    // `author` co-wrote it but is not (or no longer) a member of the owning organisation.
    const coWritten = caseStudy({ authorIds: [personas.userIds.organisationEditor, personas.userIds.author] });
    expectAppError(await rejectionOf(addAttachment({ viewer: personas.viewers.author, caseStudyId: coWritten, file: { name: 'a.pdf', bytes: pdf } })), 'forbidden');
  });

  it('lets a reader download, and answers not found to anyone else, exactly as for a missing id', async () => {
    const id = caseStudy({ visibility: 'organisation', status: 'draft' });
    const { id: attachmentId } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: id, file: { name: 'a.pdf', bytes: pdf } });

    const download = await readAttachment({ viewer: personas.viewers.organisationEditor, attachmentId });
    expect(download).toMatchObject({ fileName: 'a.pdf', mimeType: 'application/pdf', byteSize: pdf.length });
    expect((await bytesOf(download.stream)).equals(pdf)).toBe(true);

    for (const viewer of [personas.viewers.otherOrganisationMember, personas.viewers.organisationMember, personas.viewers.admin, null]) {
      expectAppError(await rejectionOf(readAttachment({ viewer, attachmentId })), 'not_found');
    }
    expectAppError(await rejectionOf(readAttachment({ viewer: personas.viewers.organisationEditor, attachmentId: 'no-such-attachment' })), 'not_found');
  });

  it('lets anyone download from a public, published case study', async () => {
    const id = caseStudy({ visibility: 'public', status: 'published' });
    const { id: attachmentId } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: id, file: { name: 'a.pdf', bytes: pdf } });
    expect((await bytesOf((await readAttachment({ viewer: null, attachmentId })).stream)).equals(pdf)).toBe(true);
  });

  it('deletes the row and the file for an editor; not found for a member of another organisation', async () => {
    const id = caseStudy();
    const { id: attachmentId } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: id, file: { name: 'a.pdf', bytes: pdf } });
    const file = path.join(uploadsDirectory, storedRow(attachmentId).storageName);

    expectAppError(await rejectionOf(deleteAttachment({ viewer: personas.viewers.otherOrganisationMember, attachmentId })), 'not_found');
    expect(fs.existsSync(file)).toBe(true);

    expect(await deleteAttachment({ viewer: personas.viewers.organisationEditor, attachmentId })).toEqual({ caseStudyId: id });
    expect(attachmentCount(id)).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    expectAppError(await rejectionOf(deleteAttachment({ viewer: personas.viewers.organisationEditor, attachmentId })), 'not_found');
  });
});

describe('sanitiseFileName', () => {
  it('keeps only the last path part, without control or direction-override characters', () => {
    expect(sanitiseFileName('C:\\Users\\amina\\Desktop\\plan.pdf', 'pdf')).toBe('plan.pdf');
    expect(sanitiseFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('report\u202Efdp.exe', 'pdf')).toBe('reportfdp.exe.pdf');
    expect(sanitiseFileName('line\nbreak\u0000.pdf', 'pdf')).toBe('linebreak.pdf');
    expect(sanitiseFileName('..', 'png')).toBe('attachment.png');
    expect(sanitiseFileName('', 'docx')).toBe('attachment.docx');
  });

  it('gives the name the extension of the detected type', () => {
    expect(sanitiseFileName('notes.html', 'pdf')).toBe('notes.html.pdf');
    expect(sanitiseFileName('Photo.JPEG', 'jpg')).toBe('Photo.JPEG');
    expect(sanitiseFileName('photo.png', 'jpg')).toBe('photo.png.jpg');
  });

  it('cuts long names to 200 characters, keeping the extension and whole characters', () => {
    const name = sanitiseFileName(`${'é'.repeat(150)}${'🌍'.repeat(100)}.pptx`, 'pptx');
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('🌍.pptx')).toBe(true);
  });
});

describe('downloadHeaders', () => {
  it('serves a sandboxed, uncached download under the encoded original name', () => {
    expect(downloadHeaders("Rapport d'activité (2024).pdf", 'application/pdf', 1234)).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="Rapport d'activit_ (2024).pdf"; filename*=UTF-8''Rapport%20d%27activit%C3%A9%20%282024%29.pdf`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Length': '1234',
    });
  });

  it('never lets a stored type or a name inject into the headers', () => {
    const headers = downloadHeaders('a"; filename="evil.html', 'text/html');
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(headers['Content-Disposition']).toBe(`attachment; filename="a_; filename=_evil.html"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html`);
  });
});

// --- The route handlers ----------------------------------------------------------------------------

const routeContext = (id: string) => ({ params: Promise.resolve({ id }) });

describe('GET /api/attachments/[id]', () => {
  it('downloads with safe headers for a reader; the same 404 for a non-reader and a missing id', async () => {
    const id = caseStudy();
    const { id: attachmentId } = await addAttachment({ viewer: personas.viewers.organisationEditor, caseStudyId: id, file: { name: 'Plan été.pdf', bytes: pdf } });

    session.viewer = personas.viewers.organisationEditor;
    const response = await downloadRoute(new Request(`http://localhost/api/attachments/${attachmentId}`), routeContext(attachmentId));
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Plan _t_.pdf"; filename*=UTF-8''Plan%20%C3%A9t%C3%A9.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-length': String(pdf.length),
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);

    session.viewer = personas.viewers.otherOrganisationMember;
    const hidden = await downloadRoute(new Request(`http://localhost/api/attachments/${attachmentId}`), routeContext(attachmentId));
    const missing = await downloadRoute(new Request('http://localhost/api/attachments/nothing'), routeContext('nothing'));
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(await hidden.text()).toBe(await missing.text());
  });
});

describe('POST /api/case-studies/[id]/attachments', () => {
  function upload(caseStudyId: string, { origin = 'http://localhost', accept = 'text/html', file = new File([pdf], 'a.pdf', { type: 'application/pdf' }) }: { origin?: string | null; accept?: string; file?: File } = {}) {
    const body = new FormData();
    body.set('file', file);
    const headers = new Headers({ accept, host: 'localhost' });
    if (origin) headers.set('origin', origin);
    return uploadRoute(new Request(`http://localhost/api/case-studies/${caseStudyId}/attachments`, { method: 'POST', body, headers }), routeContext(caseStudyId));
  }

  it('refuses a cross-origin post, and one without an Origin header, before anything else', async () => {
    session.viewer = personas.viewers.organisationEditor;
    const id = caseStudy();
    expect((await upload(id, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(id, { origin: null })).status).toBe(403);
    expect(attachmentCount(id)).toBe(0);
  });

  it('sends a plain form back to the edit page with a notice', async () => {
    session.viewer = personas.viewers.organisationEditor;
    const id = caseStudy();
    const added = await upload(id);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/case-studies/${id}/edit?attachment=added`);
    expect(attachmentCount(id)).toBe(1);

    const refused = await upload(id, { file: new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'x.svg', { type: 'image/svg+xml' }) });
    expect(refused.headers.get('location')).toBe(`/case-studies/${id}/edit?attachmentError=attachment_type`);

    session.viewer = null;
    expect((await upload(id)).headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(`/case-studies/${id}/edit`)}`);
  });

  it('answers a fetch client in JSON', async () => {
    session.viewer = personas.viewers.organisationEditor;
    const id = caseStudy();
    const added = await upload(id, { accept: 'application/json' });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ id: expect.any(String), fileName: 'a.pdf' });

    const refused = await upload(id, { accept: 'application/json', file: new File(['<html></html>'], 'x.pdf', { type: 'application/pdf' }) });
    expect(refused.status).toBe(415);
    expect(await refused.json()).toEqual({ error: 'errors.attachment_type' });

    session.viewer = personas.viewers.otherOrganisationMember;
    const hidden = await upload(id, { accept: 'application/json' });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({ error: 'errors.not_found' });
  });
});
