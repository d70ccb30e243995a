import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export const allowedLinkProtocols = ['http', 'https', 'mailto'] as const;

/** Section content sits under the page's h1 (the title): headings start at h2. */
export const headingLevels = [2, 3] as const;

/**
 * The one extension list: the editor, the server-side validator and the renderer all use it, so what can
 * be typed is exactly what can be stored and shown. Deliberately small: no images (they could identify
 * people and would load from elsewhere), no code, no raw HTML.
 */
export const linkOptions = {
  openOnClick: false,
  autolink: true,
  protocols: [...allowedLinkProtocols],
  defaultProtocol: 'https',
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
};

export const richTextExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...headingLevels] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: linkOptions,
  }),
];
