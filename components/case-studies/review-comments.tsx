import { getTranslations } from 'next-intl/server';
import type { CaseStudyDetail } from '@/lib/case-studies/queries';

type Comment = CaseStudyDetail['reviewComments'][number];

/** Review comments beside the section they are about (or on the whole). */
export async function ReviewComments({ comments }: { comments: Comment[] }) {
  if (!comments.length) return null;
  const t = await getTranslations('caseStudies.read');
  return (
    <aside aria-label={t('reviewComments')} className="no-print space-y-2 rounded border-l-4 border-amber-400 bg-amber-50 p-3 text-sm">
      {comments.map((comment) => (
        <div key={comment.id}>
          <p className="whitespace-pre-line">{comment.body}</p>
          <p className="text-xs text-stone-600">{t('commentBy', { name: comment.authorName ?? '—', version: comment.revisionNumber })}</p>
        </div>
      ))}
    </aside>
  );
}
