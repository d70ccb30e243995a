import 'server-only';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import sanitizeHtml from 'sanitize-html';
import { allowedLinkProtocols } from './extensions';
import { extensionsFor, type RichTextProfile } from './post-extensions';
import type { RichTextJson } from './plain-text';

// Second layer after validation on write: even a row written by an older version or by hand renders inert.
const sanitizeOptions: sanitizeHtml.IOptions = {
  // Mentions render as a bare <span>: the member id stays out of the page.
  allowedTags: ['p', 'h2', 'h3', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'br', 'a', 'span'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: [...allowedLinkProtocols],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** Server-rendered HTML of a stored document; readers get this, never the editor. */
export function renderRichText(content: RichTextJson | null | undefined, profile: RichTextProfile = 'document'): string {
  if (!content) return '';
  try {
    return sanitizeHtml(renderToHTMLString({ content, extensions: extensionsFor[profile] }), sanitizeOptions);
  } catch {
    // An unknown node would throw in the renderer: show nothing rather than a 500 page.
    return '';
  }
}
