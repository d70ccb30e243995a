'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { FormStateContext } from '@/components/ui/action-form';
import type { FormState } from '@/lib/actions/form-action';
import { editPostAction } from '@/lib/conversations/actions';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import { PostEditor, type PostEditorLabels } from './post-editor';

export type PostEditLabels = { edit: string; editLabel: string; save: string; pending: string };

/**
 * Editing one's post in place. A disclosure (<details>) so it opens without JavaScript; it closes once the
 * change is saved. A refusal keeps the text in the editor; after a conflict (the post changed in another
 * tab) the page is refreshed underneath, so the member sees the current text and can save theirs again.
 */
export function PostEditForm({
  postId,
  version,
  body,
  text,
  threadId,
  labels,
  editorLabels,
}: {
  postId: string;
  version: number;
  body: RichTextJson | null;
  text: string;
  threadId: string;
  labels: PostEditLabels;
  editorLabels: PostEditorLabels;
}) {
  const router = useRouter();
  const [state, formAction, isPending] = useActionState(editPostAction, { status: 'idle' } as FormState);
  // Open on first render when a refused post comes back (the page re-rendered after a post without JavaScript).
  const [isOpen, setOpen] = useState(state.status === 'error');

  useEffect(() => {
    if (state.status === 'ok') setOpen(false);
    if (state.status === 'error') {
      setOpen(true);
      router.refresh();
    }
  }, [state, router]);

  return (
    <details open={isOpen} onToggle={(event) => setOpen(event.currentTarget.open)} className="w-full">
      <summary className="link-button inline text-sm">{labels.edit}</summary>
      <FormStateContext.Provider value={state}>
        <form action={formAction} noValidate className="mt-2 space-y-3">
          {state.status === 'error' && state.message ? (
            <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              {state.message}
            </p>
          ) : null}
          <input type="hidden" name="postId" value={postId} />
          <input type="hidden" name="baseVersion" value={String(version)} />
          <PostEditor label={labels.editLabel} labels={editorLabels} threadId={threadId} initialContent={body} initialText={text} isActive={isOpen} />
          <button type="submit" disabled={isPending} className="button-primary">
            {isPending ? labels.pending : labels.save}
          </button>
        </form>
      </FormStateContext.Provider>
    </details>
  );
}
