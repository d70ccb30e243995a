'use client';

import type { ThreadSubjectType } from '@/db/schema/conversations';
import dynamic from 'next/dynamic';
import { useId, useRef, useState } from 'react';
import { useField } from '@/components/ui/action-form';
import type { RichTextJson } from '@/lib/rich-text/plain-text';

// The shell of the post editor: its label, the plain textarea and the hints. tiptap itself is loaded on
// demand (below), so a page that shows a reply form to some viewers sends no editor code to the others,
// and an edit form loads it only once opened.
const RichPostEditor = dynamic(() => import('./rich-post-editor').then((module) => module.RichPostEditor), { ssr: false });

export type PostEditorLabels = {
  toolbar: string;
  bold: string;
  italic: string;
  bulletList: string;
  orderedList: string;
  blockquote: string;
  link: string;
  removeLink: string;
  linkAddress: string;
  linkApply: string;
  linkCancel: string;
  linkInvalid: string;
  mentionHint: string;
  mentions: string;
  searching: string;
  noMatch: string;
  /** "{count}" is replaced by the number of members found. */
  matches: string;
  plainHint: string;
};

/**
 * The post editor: paragraphs, bold, italic, lists, links, quotes and @-mentions. The server renders a
 * plain textarea (`text`), so posting works without JavaScript; once the editor is ready it takes the
 * textarea's place (and whatever was already typed in it) and sends its JSON in the hidden `body` input.
 * `isActive: false` defers the editor (an edit form still closed): a page of posts builds one editor, not
 * one per post, on a cheap phone.
 */
export function PostEditor({
  label,
  labels,
  threadId,
  subject,
  initialContent = null,
  initialText = '',
  isActive = true,
}: {
  label: string;
  labels: PostEditorLabels;
  /** Mentions offer only members who may read this thread. */
  threadId?: string;
  /** Before a thread exists: mentions offer only members who may read what it will be about. */
  subject?: { type: ThreadSubjectType; id: string | null };
  initialContent?: RichTextJson | null;
  /** The same content as text, for the textarea. */
  initialText?: string;
  isActive?: boolean;
}) {
  const baseId = useId();
  const ids = { label: `${baseId}-label`, hint: `${baseId}-hint`, error: `${baseId}-error`, text: `${baseId}-text`, listbox: `${baseId}-mentions` };
  const { error, submitted } = useField('text');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [isEditorReady, setEditorReady] = useState(false);
  const [wasActivated, setWasActivated] = useState(isActive);
  if (isActive && !wasActivated) setWasActivated(true);
  const describedBy = [ids.hint, error ? ids.error : ''].filter(Boolean).join(' ');
  const submittedText = typeof submitted === 'string' ? submitted : undefined;

  return (
    <div className="space-y-1">
      <div id={ids.label} className="text-sm font-medium">
        {isEditorReady ? label : <label htmlFor={ids.text}>{label}</label>}
      </div>
      <textarea
        ref={textareaRef}
        id={ids.text}
        name="text"
        rows={6}
        maxLength={20_000}
        key={submittedText}
        defaultValue={submittedText ?? initialText}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        // Once the editor is there, the textarea is neither shown nor sent.
        hidden={isEditorReady}
        disabled={isEditorReady}
        className="input"
      />
      {wasActivated ? (
        <RichPostEditor
          ids={ids}
          describedBy={describedBy}
          labels={labels}
          threadId={threadId}
          subject={subject}
          initialContent={initialContent}
          initialText={initialText}
          textareaRef={textareaRef}
          onReady={setEditorReady}
        />
      ) : null}
      <p id={ids.hint} className="text-xs text-stone-600">
        {isEditorReady ? labels.mentionHint : labels.plainHint}
      </p>
      {error ? (
        <p id={ids.error} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

