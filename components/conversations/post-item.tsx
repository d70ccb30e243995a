import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PostThemeTags } from '@/components/synthesis/evidence-tags';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import { deletePostAction, markAnswerAction, moderatePostAction, reactAction, reportPostAction } from '@/lib/conversations/actions';
import type { PostView } from '@/lib/conversations/queries';
import { editableTextOf, reactionKinds, reportReasons } from '@/lib/conversations/views';
import { PostEditForm } from './post-edit-form';
import type { PostEditorLabels } from './post-editor';

type ThreadContext = { id: string; canReply: boolean; isSignedIn: boolean };

const dateTimeFormat = { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;

/**
 * One post as the viewer may see it: its author (or "former member"), when, what it replies to or quotes,
 * its text (or why there is none), reactions, and the controls the query's abilities allow. Every control
 * is a plain form or link, so the page works without JavaScript; only the edit form loads the editor.
 */
export async function PostItem({ post, thread, editorLabels }: { post: PostView; thread: ThreadContext; editorLabels: PostEditorLabels | null }) {
  const [t, tReactions, tStart, tModeration, format] = await Promise.all([
    getTranslations('conversations.post'),
    getTranslations('conversations.reactions'),
    getTranslations('conversations.start'),
    getTranslations('moderation'),
    getFormatter(),
  ]);
  const headingId = `post-${post.id}-author`;
  const authorName = post.authorName ?? t('formerMember');
  const isDeleted = post.state === 'deleted';
  const isVisible = post.state === 'visible';
  const threadHref = `/threads/${thread.id}`;

  return (
    <li id={`post-${post.id}`} className={`card scroll-mt-4 ${post.isAnswer ? 'border-2 border-emerald-600 bg-emerald-50/40' : ''}`}>
      <article aria-labelledby={headingId} className="space-y-3">
        <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
          {isDeleted ? (
            <span id={headingId} className="font-medium text-stone-600">
              {t('deleted')}
            </span>
          ) : (
            <span id={headingId} className="font-semibold">
              {thread.isSignedIn && post.authorId && post.authorName ? <Link href={`/members/${post.authorId}`}>{authorName}</Link> : authorName}
            </span>
          )}
          <time dateTime={post.createdAt.toISOString()} className="text-stone-600">
            {format.dateTime(post.createdAt, dateTimeFormat)}
          </time>
          {post.editedAt && !isDeleted ? (
            <span className="text-stone-600" title={format.dateTime(post.editedAt, dateTimeFormat)}>
              ({t('edited')})
            </span>
          ) : null}
          {post.isAnswer ? <span className="tag bg-emerald-700 text-white">{t('answer')}</span> : null}
        </header>

        {!isDeleted && post.replyTo ? (
          <p className="text-sm text-stone-600">
            <a href={`#post-${post.replyTo.id}`}>{t('inReplyTo', { name: post.replyTo.authorName ?? t('formerMember') })}</a>
          </p>
        ) : null}
        {!isDeleted && post.quoted ? (
          <blockquote className="border-l-4 border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-700">
            {post.quoted.excerpt ? (
              <>
                <p className="font-medium">
                  <a href={`#post-${post.quoted.id}`}>{t('quoteOf', { name: post.quoted.authorName ?? t('formerMember') })}</a>
                </p>
                <p className="whitespace-pre-line">{post.quoted.excerpt}</p>
              </>
            ) : (
              <p>{t('unavailable')}</p>
            )}
          </blockquote>
        ) : null}

        {isDeleted ? null : post.state === 'hidden' ? (
          post.html !== null ? (
            <>
              <p role="note" className="rounded bg-amber-50 p-2 text-sm text-amber-900">
                {t('hiddenNotice')}
                {post.hiddenReason ? <> {t('hiddenReason', { reason: post.hiddenReason })}</> : null}
              </p>
              <div className="rich-text opacity-80" dangerouslySetInnerHTML={{ __html: post.html }} />
            </>
          ) : (
            <p className="muted italic">{t('hidden')}</p>
          )
        ) : post.html !== null ? (
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: post.html }} />
        ) : null}

        {isVisible ? <Reactions post={post} labels={{ group: tReactions('label'), thanks: tReactions('thanks'), helped: tReactions('helped'), applied: tReactions('applied') }} /> : null}
        {isVisible && post.html !== null ? <PostThemeTags postId={post.id} /> : null}

        {!isDeleted ? (
          <div role="group" aria-label={t('actions')} className="no-print flex flex-wrap items-start gap-x-4 gap-y-2 border-t border-stone-200 pt-2 text-sm">
            {thread.canReply && isVisible ? (
              <>
                <Link href={`${threadHref}?reply=${post.id}#reply`}>{t('reply')}</Link>
                <Link href={`${threadHref}?quote=${post.id}#reply`}>{t('quote')}</Link>
              </>
            ) : null}
            {post.abilities.markAnswer ? (
              <ActionForm action={markAnswerAction} submitLabel={t('markAnswer')} submitClassName="button-secondary" className="space-y-2">
                <Hidden name="threadId" value={thread.id} />
                <Hidden name="postId" value={post.id} />
              </ActionForm>
            ) : null}
            {post.abilities.edit && editorLabels ? (
              <PostEditForm
                postId={post.id}
                version={post.version}
                body={post.body}
                text={editableTextOf(post.body)}
                threadId={thread.id}
                labels={{ edit: t('edit'), editLabel: t('editLabel'), save: t('save'), pending: tStart('pending') }}
                editorLabels={editorLabels}
              />
            ) : null}
            {post.abilities.delete ? (
              <details>
                <summary className="link-button inline">{t('delete')}</summary>
                <div className="mt-2 max-w-md space-y-2 rounded border border-red-200 bg-red-50 p-3">
                  <p>{t('deleteConfirm')}</p>
                  <ActionForm action={deletePostAction} submitLabel={t('deleteYes')} submitClassName="button-danger" className="space-y-2">
                    <Hidden name="postId" value={post.id} />
                  </ActionForm>
                </div>
              </details>
            ) : null}
            {post.abilities.report ? (
              <details>
                <summary className="link-button inline">{t('report')}</summary>
                <div className="mt-2 max-w-md">
                  <ActionForm action={reportPostAction} submitLabel={t('reportSend')} submitClassName="button-secondary" className="space-y-3">
                    <Hidden name="postId" value={post.id} />
                    <p className="muted">{t('reportHint')}</p>
                    <SelectField
                      name="reason"
                      label={t('reportReason')}
                      required
                      defaultValue=""
                      options={[{ value: '', label: t('reportChoose') }, ...reportReasons.map((reason) => ({ value: reason, label: tModeration(`reasons.${reason}`) }))]}
                    />
                    <TextField name="note" label={t('reportNote')} multiline maxLength={500} />
                  </ActionForm>
                </div>
              </details>
            ) : null}
            {post.abilities.moderate ? (
              post.state === 'hidden' ? (
                <ActionForm action={moderatePostAction} submitLabel={tModeration('restore')} submitClassName="button-secondary" className="space-y-2">
                  <Hidden name="postId" value={post.id} />
                  <Hidden name="action" value="restore" />
                </ActionForm>
              ) : (
                <details>
                  <summary className="link-button inline">{t('moderate')}</summary>
                  <div className="mt-2 max-w-md">
                    <ActionForm action={moderatePostAction} submitLabel={tModeration('hide')} submitClassName="button-danger" className="space-y-2">
                      <Hidden name="postId" value={post.id} />
                      <Hidden name="action" value="hide" />
                      <TextField name="reason" label={tModeration('hideReason')} hint={tModeration('hideReasonHint')} maxLength={300} />
                    </ActionForm>
                  </div>
                </details>
              )
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** "Thank you", "This helped me", "I applied this": buttons for members who may react, counts for everyone. */
function Reactions({ post, labels }: { post: PostView; labels: { group: string; thanks: string; helped: string; applied: string } }) {
  const given = reactionKinds.filter((kind) => post.reactions[kind] > 0);
  if (!post.abilities.react) {
    if (!given.length) return null;
    return (
      <p aria-label={labels.group} className="flex flex-wrap gap-3 text-sm text-stone-700">
        {given.map((kind) => (
          <span key={kind}>
            {labels[kind]} <span className="font-semibold">{post.reactions[kind]}</span>
          </span>
        ))}
      </p>
    );
  }
  return (
    <div role="group" aria-label={labels.group} className="no-print flex flex-wrap gap-2">
      {reactionKinds.map((kind) => (
        <ActionButton
          key={kind}
          action={reactAction}
          fields={{ postId: post.id, kind }}
          pressed={post.myReactions.includes(kind)}
          className="inline-flex items-center gap-1 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100 aria-pressed:border-teal-800 aria-pressed:bg-teal-50 aria-pressed:text-teal-900"
        >
          {labels[kind]}
          {post.reactions[kind] > 0 ? <span className="font-semibold">{post.reactions[kind]}</span> : null}
        </ActionButton>
      ))}
    </div>
  );
}
