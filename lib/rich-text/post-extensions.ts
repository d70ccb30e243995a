import type { Extensions } from '@tiptap/core';
import Mention from '@tiptap/extension-mention';
import StarterKit from '@tiptap/starter-kit';
import { linkOptions, richTextExtensions } from './extensions';

/**
 * Posts: paragraphs, bold, italic, lists, links and quotes, plus @-mentions of members (a node holding
 * the member's id and pseudonym; the server re-reads the pseudonym, so a label cannot impersonate).
 */
export const postExtensions: Extensions = [
  StarterKit.configure({
    heading: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: linkOptions,
  }),
  Mention.configure({ HTMLAttributes: { class: 'mention' }, renderText: ({ node }) => `@${node.attrs.label ?? ''}` }),
];

export type RichTextProfile = 'document' | 'post';

/** Server side only (validation, rendering): editors import their own list, so each bundle carries one. */
export const extensionsFor: Record<RichTextProfile, Extensions> = { document: richTextExtensions, post: postExtensions };
