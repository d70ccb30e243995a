import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { PostEditorLabels } from './post-editor';

/** The post editor's labels in the member's language: client components carry no message catalogue. */
export async function getPostEditorLabels(): Promise<PostEditorLabels> {
  const t = await getTranslations('conversations.editor');
  return {
    toolbar: t('toolbar'),
    bold: t('bold'),
    italic: t('italic'),
    bulletList: t('bulletList'),
    orderedList: t('orderedList'),
    blockquote: t('blockquote'),
    link: t('link'),
    removeLink: t('removeLink'),
    linkAddress: t('linkAddress'),
    linkApply: t('linkApply'),
    linkCancel: t('linkCancel'),
    linkInvalid: t('linkInvalid'),
    mentionHint: t('mentionHint'),
    mentions: t('mentions'),
    searching: t('searching'),
    noMatch: t('noMatch'),
    matches: t.raw('matches') as string,
    plainHint: t('plainHint'),
  };
}
