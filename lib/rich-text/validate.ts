import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { AppError } from '@/lib/errors';
import { allowedLinkProtocols, headingLevels } from './extensions';
import { extensionsFor, type RichTextProfile } from './post-extensions';
import type { RichTextJson } from './plain-text';

const schemas = { document: getSchema(extensionsFor.document), post: getSchema(extensionsFor.post) };

export const richTextLimits = { maxJsonBytes: 200_000, maxTextCharacters: 60_000 } as const;

function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length > 2000) return false;
  try {
    const url = new URL(href);
    return (allowedLinkProtocols as readonly string[]).includes(url.protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

/**
 * Checks a tiptap document from a client against the shared schema and returns the normalised JSON to
 * store. Refuses (AppError with an `errors.rich_text_*` key, never a 500) oversize documents, unknown
 * nodes or marks, and links that are not http(s) or mailto. Link attributes are reset to ours, so no
 * `target`, `class` or event handler survives.
 */
export function validateRichText(input: unknown, profile: RichTextProfile = 'document'): RichTextJson {
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(input) ?? '', 'utf8');
  } catch {
    throw new AppError('invalid_input', 'errors.rich_text_invalid');
  }
  if (size > richTextLimits.maxJsonBytes) throw new AppError('invalid_input', 'errors.rich_text_too_large');
  if (!input || typeof input !== 'object' || (input as RichTextJson).type !== 'doc') throw new AppError('invalid_input', 'errors.rich_text_invalid');

  let document: ProseMirrorNode;
  try {
    document = ProseMirrorNode.fromJSON(schemas[profile], input);
    document.check();
  } catch {
    throw new AppError('invalid_input', 'errors.rich_text_invalid');
  }
  if (document.textContent.length > richTextLimits.maxTextCharacters) throw new AppError('invalid_input', 'errors.rich_text_too_large');

  let badLink = false;
  let badAttribute = false;
  document.descendants((node) => {
    // The schema keeps attribute values as given: a heading level or a list start could be any string.
    // Refuse what the editor cannot produce, so stored documents stay what the extension list allows.
    if (node.type.name === 'heading' && !(headingLevels as readonly unknown[]).includes(node.attrs.level)) badAttribute = true;
    if (node.type.name === 'orderedList' && !Number.isSafeInteger(node.attrs.start)) badAttribute = true;
    if (node.type.name === 'mention' && (typeof node.attrs.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(node.attrs.id))) badAttribute = true;
    for (const mark of node.marks) {
      if (mark.type.name === 'link' && !isAllowedHref(mark.attrs.href)) badLink = true;
    }
  });
  if (badAttribute) throw new AppError('invalid_input', 'errors.rich_text_invalid');
  if (badLink) throw new AppError('invalid_input', 'errors.rich_text_link');

  return normaliseLinks(document.toJSON() as RichTextJson);
}

function normaliseLinks(node: RichTextJson): RichTextJson {
  return {
    ...node,
    ...(node.marks
      ? { marks: node.marks.map((mark) => (mark.type === 'link' ? { type: 'link', attrs: { href: mark.attrs?.href, target: null, rel: 'noopener noreferrer nofollow', class: null } } : { type: mark.type })) }
      : {}),
    ...(node.content ? { content: node.content.map(normaliseLinks) } : {}),
  };
}
