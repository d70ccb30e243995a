'use client';

import type { ThreadSubjectType } from '@/db/schema/conversations';
import type { Extensions } from '@tiptap/core';
import Mention from '@tiptap/extension-mention';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { EditorToolbar } from '@/components/rich-text/editor';
import { mentionCandidatesAction } from '@/lib/conversations/actions';
import { linkOptions } from '@/lib/rich-text/extensions';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import type { PostEditorLabels } from './post-editor';

// The post editor itself, loaded by post-editor.tsx only where the viewer may post. Its extension list
// mirrors lib/rich-text/post-extensions.ts (which the server validates and renders with): that module is
// not imported here so the bundle carries one list, built in the browser.

type Candidate = { id: string; label: string };
type Suggestion = { query: string; items: Candidate[]; loading: boolean; command: (item: Candidate) => void };

// ProseMirror's own rules (tiptap would inject them as a <style> element, which the nonce CSP refuses),
// then the content styles. Tailwind classes only: no inline styles.
const contentClass = [
  'relative min-h-28 px-3 py-2 text-base leading-relaxed whitespace-break-spaces break-words outline-none',
  '[font-variant-ligatures:none] [&_[contenteditable=false]]:whitespace-normal',
  '[&_img.ProseMirror-separator]:!inline [&_img.ProseMirror-separator]:!m-0 [&_img.ProseMirror-separator]:!h-0 [&_img.ProseMirror-separator]:!w-0 [&_img.ProseMirror-separator]:!border-0',
  '[&_.ProseMirror-gapcursor]:hidden',
  '[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_li_p]:my-0.5',
  '[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_blockquote]:text-stone-700',
  '[&_a]:text-teal-800 [&_a]:underline [&_.mention]:rounded [&_.mention]:bg-teal-50 [&_.mention]:font-medium [&_.mention]:text-teal-900',
  '[&_.suggestion]:underline [&_.suggestion]:decoration-dotted',
].join(' ');

/** The plain textarea's text as a document: paragraphs at empty lines, line breaks within them (as postBodyOf). */
function textToDocument(text: string): RichTextJson {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => paragraph.trim()).filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, index) => [...(index ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
    })),
  };
}

/** tiptap with the post extensions, its toolbar and the @-mention list. */
export function RichPostEditor({
  ids,
  describedBy,
  labels,
  threadId,
  subject,
  initialContent,
  initialText,
  textareaRef,
  onReady,
}: {
  ids: { label: string; listbox: string };
  describedBy: string;
  labels: PostEditorLabels;
  threadId?: string;
  subject?: { type: ThreadSubjectType; id: string | null };
  initialContent: RichTextJson | null;
  initialText: string;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onReady: (isReady: boolean) => void;
}) {
  const bodyRef = useRef<HTMLInputElement>(null);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  // The suggestion plugin calls back outside React's render: it reads the latest list and choice here.
  const latest = useRef({ suggestion, activeIndex });
  latest.current = { suggestion, activeIndex };
  const threadRef = useRef(threadId);
  threadRef.current = threadId;
  const subjectRef = useRef(subject);
  subjectRef.current = subject;

  // Created once: tiptap would rebuild the editor whenever its extension list changed identity.
  const [extensions] = useState<Extensions>(() => {
    const show = (props: { query: string; items: Candidate[]; loading: boolean; command: (item: Candidate) => void }) => {
      setSuggestion({ query: props.query, items: props.items, loading: props.loading, command: props.command });
      setActiveIndex(0);
      latest.current.activeIndex = 0;
    };
    const choose = (index: number) => {
      latest.current.activeIndex = index;
      setActiveIndex(index);
    };
    return [
      StarterKit.configure({ heading: false, code: false, codeBlock: false, horizontalRule: false, strike: false, underline: false, link: linkOptions }),
      Mention.configure({
        HTMLAttributes: { class: 'mention' },
        renderText: ({ node }) => `@${node.attrs.label ?? ''}`,
        suggestion: {
          minQueryLength: 1,
          // One request after a pause in typing, not one per letter: phones on slow connections.
          debounce: 250,
          items: async ({ query }: { query: string }): Promise<Candidate[]> => {
            const result = await mentionCandidatesAction({
              query,
              threadId: threadRef.current,
              subjectType: subjectRef.current?.type,
              subjectId: subjectRef.current?.id ?? undefined,
            });
            return Array.isArray(result) ? result : [];
          },
          render: () => ({
            onStart: show,
            onUpdate: show,
            onExit: () => setSuggestion(null),
            onKeyDown: ({ event }: { event: globalThis.KeyboardEvent }) => {
              const { suggestion: current, activeIndex: index } = latest.current;
              const count = current?.items.length ?? 0;
              if (!current || current.loading || count === 0) return false;
              if (event.key === 'ArrowDown') choose((index + 1) % count);
              else if (event.key === 'ArrowUp') choose((index - 1 + count) % count);
              else if (event.key === 'Enter' || event.key === 'Tab') current.command(current.items[Math.min(index, count - 1)]!);
              else return false;
              return true;
            },
          }),
        },
      }),
    ];
  });

  // Options that change identity make tiptap reconfigure the editor on every render (every keystroke).
  const [content] = useState(initialContent);
  const editorProps = useMemo(
    () => ({ attributes: { class: contentClass, role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': ids.label, 'aria-describedby': describedBy, 'aria-autocomplete': 'list' } }),
    [ids.label, describedBy],
  );
  const editor = useEditor({ immediatelyRender: false, injectCSS: false, extensions, content, editorProps });

  // When the editor appears: text typed in the textarea meanwhile (or kept from a refused post) moves into it.
  const initialTextRef = useRef(initialText);
  useEffect(() => {
    if (!editor) return;
    const typed = textareaRef.current?.value ?? '';
    if (typed.trim() && typed.trim() !== initialTextRef.current.trim()) editor.commands.setContent(textToDocument(typed));
    onReady(true);
    return () => onReady(false);
  }, [editor, onReady, textareaRef]);

  // The JSON goes with the form at the moment it is read (React builds FormData on submit, which fires
  // `formdata`): no state update per keystroke, and a form reset after the action cannot empty it.
  useEffect(() => {
    const form = bodyRef.current?.form;
    if (!editor || !form) return;
    const fill = (event: FormDataEvent) => {
      const json = editor.isEmpty ? '' : JSON.stringify(editor.getJSON());
      if (bodyRef.current) bodyRef.current.value = json;
      event.formData.set('body', json);
    };
    form.addEventListener('formdata', fill);
    return () => form.removeEventListener('formdata', fill);
  }, [editor]);

  // The editable element is ProseMirror's: the listbox's ARIA links are set on it directly.
  const isListOpen = !!suggestion && suggestion.query !== '' && !suggestion.loading && suggestion.items.length > 0;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    if (isListOpen) {
      dom.setAttribute('aria-controls', ids.listbox);
      dom.setAttribute('aria-activedescendant', `${ids.listbox}-${activeIndex}`);
    } else {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    }
  }, [editor, isListOpen, activeIndex, ids.listbox]);

  if (!editor) return null;
  return (
    <div className="rounded border border-stone-300 bg-white focus-within:border-teal-700">
      <input ref={bodyRef} type="hidden" name="body" defaultValue="" />
      <EditorToolbar editor={editor} labels={labels} headings={false} history={false} />
      <EditorContent editor={editor} />
      {suggestion && suggestion.query ? (
        <div className="border-t border-stone-200">
          {suggestion.loading ? (
            <p className="muted px-3 py-2">{labels.searching}</p>
          ) : suggestion.items.length === 0 ? (
            <p className="muted px-3 py-2">{labels.noMatch}</p>
          ) : (
            <ul id={ids.listbox} role="listbox" aria-label={labels.mentions} className="max-h-48 overflow-y-auto py-1">
              {suggestion.items.map((item, index) => (
                <li
                  key={item.id}
                  id={`${ids.listbox}-${index}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  // Keep the editor's focus and selection: the choice is made with the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => suggestion.command(item)}
                  className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-teal-800 aria-selected:text-white"
                >
                  {item.label}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {/* Always present, so screen readers announce changes to it. */}
      <p role="status" className="sr-only">
        {suggestion && suggestion.query && !suggestion.loading ? (suggestion.items.length ? labels.matches.replace('{count}', String(suggestion.items.length)) : labels.noMatch) : ''}
      </p>
    </div>
  );
}
