export type RichTextJson = { type: string; text?: string; content?: RichTextJson[]; attrs?: Record<string, unknown>; marks?: { type: string; attrs?: Record<string, unknown> }[] };

/** Plain text of a document: one line per paragraph or heading. Used for search, previews, word counts and diffs. */
export function toPlainText(node: RichTextJson | null | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention') return `@${String(node.attrs?.label ?? '')}`;
  const inner = (node.content ?? []).map(toPlainText).join('');
  return node.type === 'paragraph' || node.type === 'heading' ? `${inner}\n` : inner;
}

export function plainTextOf(node: RichTextJson | null | undefined): string {
  return toPlainText(node).replace(/\n{3,}/g, '\n\n').trim();
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export const emptyDocument: RichTextJson = { type: 'doc', content: [{ type: 'paragraph' }] };
