import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { RichTextEditorLabels } from './editor';

/** The document editor's toolbar labels in the member's language: client components carry no message catalogue. */
export async function getDocumentEditorLabels(): Promise<RichTextEditorLabels> {
  const t = await getTranslations('caseStudyEditor.toolbar');
  return {
    toolbar: t('label'),
    bold: t('bold'),
    italic: t('italic'),
    heading2: t('heading2'),
    heading3: t('heading3'),
    bulletList: t('bulletList'),
    orderedList: t('orderedList'),
    blockquote: t('blockquote'),
    link: t('link'),
    removeLink: t('removeLink'),
    undo: t('undo'),
    redo: t('redo'),
    linkAddress: t('linkAddress'),
    linkApply: t('linkApply'),
    linkCancel: t('linkCancel'),
    linkInvalid: t('linkInvalid'),
  };
}
