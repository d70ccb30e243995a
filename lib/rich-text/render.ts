import 'server-only';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import sanitizeHtml from 'sanitize-html';
import { allowedLinkProtocols, richTextExtensions } from './extensions';
import type { RichTextJson } from './plain-text';

// Second layer after validation on write: even a row written by an older version or by hand renders inert.
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'br', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: [...allowedLinkProtocols],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** Server-rendered HTML of a stored document; readers get this, never the editor. */
export function renderRichText(content: RichTextJson | null | undefined): string {
  if (!content) return '';
  try {
    return sanitizeHtml(renderToHTMLString({ content, extensions: richTextExtensions }), sanitizeOptions);
  } catch {
    // An unknown node would throw in the renderer: show nothing rather than a 500 page.
    return '';
  }
}
