import { z } from 'zod';

// What a case study may carry as attachments. Pure data, so the upload form (which renders without
// JavaScript) and the server read the same list; the server decides from the file's content, never from
// the name or the type the browser claims.

/** The accepted kinds, keyed by the extension file-type reports for them. */
export const acceptedAttachmentTypes = {
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  jpg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mimeType: 'image/png', extensions: ['png'] },
} as const;
export type AttachmentKind = keyof typeof acceptedAttachmentTypes;

export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsPerCaseStudy = 20;
/** Display names are cut to this many characters. */
export const maxAttachmentNameLength = 200;

/** The file input's `accept` attribute: a hint for the browser's picker, not a check. */
export const attachmentAccept = Object.values(acceptedAttachmentTypes)
  .flatMap((type) => [...type.extensions.map((extension) => `.${extension}`), type.mimeType])
  .join(',');

/** The error keys an upload can end with (after `errors.`), for the `?attachmentError=` notice. */
export const attachmentErrorCodes = [
  'attachment_type',
  'attachment_too_large',
  'attachment_empty',
  'attachment_missing',
  'attachment_unreadable',
  'attachment_limit',
  'not_editable',
  'conflict',
  'not_found',
  'forbidden',
  'unauthenticated',
  'invalid_input',
  'internal',
] as const;
export type AttachmentErrorCode = (typeof attachmentErrorCodes)[number];

export function isAttachmentErrorCode(value: unknown): value is AttachmentErrorCode {
  return typeof value === 'string' && (attachmentErrorCodes as readonly string[]).includes(value);
}

/** A byte count as a number and a unit, for `attachments.size.<unit>` messages. */
export function byteSizeParts(bytes: number): { unit: 'bytes' | 'kilobytes' | 'megabytes'; value: number } {
  if (bytes < 1024) return { unit: 'bytes', value: bytes };
  if (bytes < 1024 * 1024) return { unit: 'kilobytes', value: Math.max(1, Math.round(bytes / 1024)) };
  return { unit: 'megabytes', value: Math.round((bytes / (1024 * 1024)) * 10) / 10 };
}

export const DeleteAttachmentInput = z.object({ attachmentId: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40) });
export type DeleteAttachmentInput = z.infer<typeof DeleteAttachmentInput>;
