import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getPostEditorLabels } from '@/components/conversations/editor-labels';
import { FollowButton } from '@/components/conversations/follow-button';
import { PostEditor } from '@/components/conversations/post-editor';
import { PostItem } from '@/components/conversations/post-item';
import { EvidenceTags, TaggingScope } from '@/components/synthesis/evidence-tags';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden } from '@/components/ui/action-form';
import { getViewer } from '@/lib/auth/viewer';
import { lockThreadAction, replyAction } from '@/lib/conversations/actions';
import { getThreadPage } from '@/lib/conversations/queries';
import { getPostExcerpt } from '@/lib/conversations/views';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { evidenceTagsFor } from '@/lib/synthesis/queries';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ reply?: string | string[]; quote?: string | string[] }> };

export async function generateMetadata({ params }: Props) {
  const [{ id }, viewer, locale] = await Promise.all([params, getViewer(), getAppLocale()]);
  const { thread } = await loadOr404(() => getThreadPage(viewer, id, locale));
  // Only public threads are for search engines.
  return { title: thread.title, robots: { index: thread.visibility === 'public' } };
}

/**
 * A discussion or a question: every post in order, as the viewer may see it, and the reply form at the
 * bottom. Server-rendered; the only client code is the forms (and the editor, for members who may post).
 * `?reply=<post>` and `?quote=<post>` fill the reply form, so replying and quoting work without JavaScript.
 */
export default async function ThreadPage({ params, searchParams }: Props) {
  const [{ id }, query, viewer, locale] = await Promise.all([params, searchParams, getViewer(), getAppLocale()]);
  const { thread, posts, isFollowing, abilities } = await loadOr404(() => getThreadPage(viewer, id, locale));
  const [t, tPost, tVisibility, tReply, tStart, tTagger, format] = await Promise.all([
    getTranslations('conversations.thread'),
    getTranslations('conversations.post'),
    getTranslations('conversations.visibility'),
    getTranslations('conversations.reply'),
    getTranslations('conversations.start'),
    getTranslations('synthesis.tagger'),
    getFormatter(),
  ]);
  const formerMember = tPost('formerMember');
  const canReply = abilities['thread.reply'];
  const editorLabels = canReply || posts.some((post) => post.abilities.edit) ? await getPostEditorLabels() : null;

  // The post a reply answers or quotes: one of this thread's, still visible, whose text the viewer may read.
  const referenced = (value: string | string[] | undefined) => {
    const postId = typeof value === 'string' ? value : undefined;
    const post = canReply && postId ? posts.find((candidate) => candidate.id === postId && candidate.state === 'visible') : undefined;
    const excerpt = post ? getPostExcerpt(viewer, thread.id, post.id) : null;
    return post && excerpt !== null ? { id: post.id, authorName: post.authorName ?? formerMember, excerpt } : null;
  };
  const replyTo = referenced(query.reply);
  const quoted = referenced(query.quote);
  // The reply form starts empty again after the viewer's own post (its key changes), not after others'.
  const ownPostCount = viewer ? posts.filter((post) => post.authorId === viewer.userId).length : 0;
  const threadHref = `/threads/${thread.id}`;
  const answer = thread.answerPostId ? posts.find((post) => post.id === thread.answerPostId) : undefined;

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          {thread.subject.title ? (
            <Link href={thread.subject.href}>{t('on', { title: thread.subject.title })}</Link>
          ) : (
            <Link href={thread.subject.href}>{t('network')}</Link>
          )}
        </p>
        <h1>{thread.title}</h1>
        {thread.kind === 'question' ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className={thread.isAnswered ? 'tag bg-emerald-100 text-emerald-900' : 'tag bg-amber-100 text-amber-900'}>{thread.isAnswered ? t('questionAnswered') : t('questionOpen')}</span>
            {answer ? <a href={`#post-${answer.id}`}>{t('seeAnswer')}</a> : null}
          </p>
        ) : null}
        <p className="muted">
          {t('startedBy', { name: thread.starterName ?? formerMember, date: format.dateTime(thread.createdAt, { day: 'numeric', month: 'long', year: 'numeric' }) })}
        </p>
        <p className="text-sm">{t('whoCanRead', { audience: tVisibility(thread.visibility) })}</p>
        {abilities['thread.follow'] || abilities['thread.lock'] ? (
          <div className="no-print flex flex-wrap items-center gap-3">
            {abilities['thread.follow'] ? <FollowButton subjectType="thread" subjectId={thread.id} isFollowing={isFollowing} followLabel={t('follow')} unfollowLabel={t('unfollow')} /> : null}
            {abilities['thread.lock'] ? (
              <ActionButton action={lockThreadAction} fields={{ threadId: thread.id, locked: String(!thread.isLocked) }} showSuccess>
                {thread.isLocked ? t('unlock') : t('lock')}
              </ActionButton>
            ) : null}
          </div>
        ) : null}
        {thread.isLocked ? (
          <p role="note" className="rounded border border-stone-300 bg-stone-100 p-3 text-sm">
            {t('lockedNotice')}
          </p>
        ) : null}
      </header>

      {/* The synthesis group tags the discussion or single posts with themes; readers see the chips. */}
      <TaggingScope viewer={viewer} locale={locale} contextEventId={null}>
        <EvidenceTags tags={evidenceTagsFor(viewer, { type: 'thread', id: thread.id }, locale)} target={{ type: 'thread', id: thread.id }} tagLabel={tTagger('tagThread')} />
        <section aria-label={t('posts')}>
          <ol className="space-y-3">
            {posts.map((post) => (
              <PostItem key={post.id} post={post} thread={{ id: thread.id, canReply, isSignedIn: viewer !== null }} editorLabels={editorLabels} />
            ))}
          </ol>
        </section>
      </TaggingScope>

      {canReply && editorLabels ? (
        <section id="reply" aria-labelledby="reply-heading" className="card no-print scroll-mt-4 space-y-3">
          <h2 id="reply-heading">{tReply('heading')}</h2>
          {replyTo ? (
            <p className="text-sm">
              <a href={`#post-${replyTo.id}`}>{tReply('replyingTo', { name: replyTo.authorName })}</a>{' '}
              <Link href={quoted ? `${threadHref}?quote=${quoted.id}#reply` : `${threadHref}#reply`}>{tReply('cancel')}</Link>
            </p>
          ) : null}
          {quoted ? (
            <div className="space-y-1">
              <p className="text-sm">
                {tReply('quoting', { name: quoted.authorName })}{' '}
                <Link href={replyTo ? `${threadHref}?reply=${replyTo.id}#reply` : `${threadHref}#reply`}>{tReply('cancel')}</Link>
              </p>
              <blockquote className="border-l-4 border-stone-300 bg-stone-50 px-3 py-2 text-sm whitespace-pre-line text-stone-700">{quoted.excerpt}</blockquote>
            </div>
          ) : null}
          <ActionForm key={`reply-${ownPostCount}`} action={replyAction} submitLabel={tReply('submit')} pendingLabel={tStart('pending')}>
            <Hidden name="threadId" value={thread.id} />
            {replyTo ? <Hidden name="replyToId" value={replyTo.id} /> : null}
            {quoted ? <Hidden name="quotedPostId" value={quoted.id} /> : null}
            <PostEditor label={tReply('body')} labels={editorLabels} threadId={thread.id} />
          </ActionForm>
        </section>
      ) : !viewer ? (
        <p className="no-print">
          <Link href={`/sign-in?next=${encodeURIComponent(threadHref)}`}>{tReply('signIn')}</Link>
        </p>
      ) : null}
    </article>
  );
}
