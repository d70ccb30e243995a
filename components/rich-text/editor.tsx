'use client';

import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { allowedLinkProtocols, richTextExtensions } from '@/lib/rich-text/extensions';
import type { RichTextJson } from '@/lib/rich-text/plain-text';

// Only edit pages import this module, so tiptap's JavaScript never reaches a reader.

export type RichTextEditorLabels = {
  toolbar: string;
  bold: string;
  italic: string;
  heading2: string;
  heading3: string;
  bulletList: string;
  orderedList: string;
  blockquote: string;
  link: string;
  removeLink: string;
  undo: string;
  redo: string;
  linkAddress: string;
  linkApply: string;
  linkCancel: string;
  linkInvalid: string;
};

// ProseMirror's own rules (tiptap would inject them as a <style> element, which the nonce CSP refuses),
// then the content styles. Tailwind classes only: no inline styles.
const contentClass = [
  'relative min-h-40 px-3 py-2 text-base leading-relaxed whitespace-break-spaces break-words outline-none',
  '[font-variant-ligatures:none] [&_[contenteditable=false]]:whitespace-normal',
  '[&_img.ProseMirror-separator]:!inline [&_img.ProseMirror-separator]:!m-0 [&_img.ProseMirror-separator]:!h-0 [&_img.ProseMirror-separator]:!w-0 [&_img.ProseMirror-separator]:!border-0',
  '[&_.ProseMirror-gapcursor]:hidden',
  '[&_p]:my-2 [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:font-semibold',
  '[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_li_p]:my-0.5',
  '[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_blockquote]:text-stone-700',
  '[&_a]:text-teal-800 [&_a]:underline',
].join(' ');

type EditorCallbacks = { onUpdate?: (editor: Editor) => void; onBlur?: (editor: Editor) => void };

/**
 * A tiptap editor over the one shared extension list, so what can be typed is exactly what the server
 * accepts and renders. `null` until it mounts in the browser (`immediatelyRender: false` for SSR).
 */
export function useRichTextEditor({ content, label, describedBy, ...callbacks }: { content: RichTextJson | null; label: string; describedBy?: string } & EditorCallbacks) {
  // The editor is created once; callbacks change with every render of the caller.
  const latest = useRef<EditorCallbacks>(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });
  // Options that change identity make tiptap reconfigure the editor on every render (every keystroke).
  const editorProps = useMemo(
    () => ({ attributes: { class: contentClass, role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, ...(describedBy ? { 'aria-describedby': describedBy } : {}) } }),
    [label, describedBy],
  );
  return useEditor({
    immediatelyRender: false,
    injectCSS: false,
    extensions: richTextExtensions,
    content,
    editorProps,
    onUpdate: ({ editor }) => latest.current.onUpdate?.(editor),
    onBlur: ({ editor }) => latest.current.onBlur?.(editor),
  });
}

/** An http(s) or mailto address, completed with https:// (or mailto:) when typed bare; null if refused. */
export function normaliseLinkAddress(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const candidate = hasScheme ? trimmed : /^[^\s/@]+@[^\s/@]+\.[^\s/@]+$/.test(trimmed) ? `mailto:${trimmed}` : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    return (allowedLinkProtocols as readonly string[]).includes(url.protocol.slice(0, -1)) ? url.href : null;
  } catch {
    return null;
  }
}

type ToolbarButton = { id: string; label: string; glyph: ReactNode; pressed?: boolean; enabled: boolean; run: () => void };

/** What the toolbar needs to say; a post's toolbar has no headings or history buttons. */
export type EditorToolbarLabels = Omit<RichTextEditorLabels, 'heading2' | 'heading3' | 'undo' | 'redo'> & Partial<Pick<RichTextEditorLabels, 'heading2' | 'heading3' | 'undo' | 'redo'>>;

/**
 * The formatting toolbar and its link dialog, shared by the case-study and post editors: one tab stop,
 * arrow keys between buttons (the ARIA toolbar pattern). Headings and undo/redo only where asked.
 */
export function EditorToolbar({ editor, labels, headings = true, history = true }: { editor: Editor | null; labels: EditorToolbarLabels; headings?: boolean; history?: boolean }) {
  const state = useEditorState({
    editor,
    // The store's snapshot names the editor only after its first transaction once watched; an editor that
    // arrives without one (nothing typed, no focus yet) must still show. So the editor given here counts too.
    selector: ({ editor: watched }) => {
      const current = watched ?? editor;
      return current
        ? {
            bold: current.isActive('bold'),
            italic: current.isActive('italic'),
            heading2: current.isActive('heading', { level: 2 }),
            heading3: current.isActive('heading', { level: 3 }),
            bulletList: current.isActive('bulletList'),
            orderedList: current.isActive('orderedList'),
            blockquote: current.isActive('blockquote'),
            link: current.isActive('link'),
            canUndo: current.can().undo(),
            canRedo: current.can().redo(),
          }
        : null;
    },
  });
  const [isLinkOpen, setLinkOpen] = useState(false);
  const [linkAddress, setLinkAddress] = useState('');
  const [linkError, setLinkError] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const linkInputId = useId();

  if (!editor || !state) return null;

  const chain = () => editor.chain().focus();
  const openLink = () => {
    setLinkAddress((editor.getAttributes('link').href as string | undefined) ?? '');
    setLinkError(false);
    setLinkOpen(true);
  };
  const closeLink = () => {
    setLinkOpen(false);
    editor.commands.focus();
  };
  const applyLink = () => {
    const href = normaliseLinkAddress(linkAddress);
    if (!href) {
      setLinkError(true);
      return;
    }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: insert the address itself as the link text.
      chain().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain().extendMarkRange('link').setLink({ href }).run();
    }
    setLinkOpen(false);
  };

  const buttons: ToolbarButton[] = [
    { id: 'bold', label: labels.bold, glyph: <span className="font-bold">B</span>, pressed: state.bold, enabled: true, run: () => chain().toggleBold().run() },
    { id: 'italic', label: labels.italic, glyph: <span className="font-serif italic">I</span>, pressed: state.italic, enabled: true, run: () => chain().toggleItalic().run() },
    ...(headings
      ? [
          { id: 'h2', label: labels.heading2 ?? 'H2', glyph: 'H2', pressed: state.heading2, enabled: true, run: () => chain().toggleHeading({ level: 2 }).run() },
          { id: 'h3', label: labels.heading3 ?? 'H3', glyph: 'H3', pressed: state.heading3, enabled: true, run: () => chain().toggleHeading({ level: 3 }).run() },
        ]
      : []),
    { id: 'bullets', label: labels.bulletList, glyph: '•', pressed: state.bulletList, enabled: true, run: () => chain().toggleBulletList().run() },
    { id: 'numbers', label: labels.orderedList, glyph: '1.', pressed: state.orderedList, enabled: true, run: () => chain().toggleOrderedList().run() },
    { id: 'quote', label: labels.blockquote, glyph: '“', pressed: state.blockquote, enabled: true, run: () => chain().toggleBlockquote().run() },
    { id: 'link', label: labels.link, glyph: labels.link, pressed: state.link, enabled: true, run: () => (isLinkOpen ? closeLink() : openLink()) },
    { id: 'unlink', label: labels.removeLink, glyph: labels.removeLink, enabled: state.link, run: () => chain().extendMarkRange('link').unsetLink().run() },
    ...(history
      ? [
          { id: 'undo', label: labels.undo ?? '↶', glyph: '↶', enabled: state.canUndo, run: () => chain().undo().run() },
          { id: 'redo', label: labels.redo ?? '↷', glyph: '↷', enabled: state.canRedo, run: () => chain().redo().run() },
        ]
      : []),
  ];

  // One tab stop for the whole toolbar; arrow keys move between its buttons (the ARIA toolbar pattern).
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const next = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = next > last ? 0 : next < 0 ? last : next;
    setFocusIndex(index);
    toolbarRef.current?.querySelectorAll('button')[index]?.focus();
  };

  return (
    <>
      <div ref={toolbarRef} role="toolbar" aria-label={labels.toolbar} onKeyDown={moveFocus} className="flex flex-wrap gap-1 border-b border-stone-200 bg-stone-50 p-1">
        {buttons.map((button, index) => (
          <button
            key={button.id}
            type="button"
            tabIndex={index === focusIndex ? 0 : -1}
            aria-label={button.glyph === button.label ? undefined : button.label}
            title={button.label}
            aria-pressed={button.pressed}
            aria-disabled={!button.enabled || undefined}
            aria-expanded={button.id === 'link' ? isLinkOpen : undefined}
            // Keep the editor's selection: a mouse press on a button must not blur it.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocusIndex(index)}
            onClick={() => button.enabled && button.run()}
            className="min-h-9 min-w-9 rounded px-2 text-sm text-stone-800 hover:bg-stone-200 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-pressed:bg-teal-800 aria-pressed:text-white"
          >
            {button.glyph}
          </button>
        ))}
      </div>
      {isLinkOpen ? (
        <div className="flex flex-wrap items-end gap-2 border-b border-stone-200 bg-stone-50 p-2">
          <div className="min-w-0 flex-1 basis-48">
            <label htmlFor={linkInputId} className="block text-xs font-medium">
              {labels.linkAddress}
            </label>
            <input
              id={linkInputId}
              type="url"
              inputMode="url"
              autoFocus
              value={linkAddress}
              aria-invalid={linkError || undefined}
              aria-describedby={linkError ? `${linkInputId}-error` : undefined}
              onChange={(event) => {
                setLinkAddress(event.target.value);
                setLinkError(false);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  applyLink();
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  closeLink();
                }
              }}
              className="input py-1"
            />
          </div>
          <button type="button" onClick={applyLink} className="button-secondary">
            {labels.linkApply}
          </button>
          <button type="button" onClick={closeLink} className="button-secondary">
            {labels.linkCancel}
          </button>
          {linkError ? (
            <p id={`${linkInputId}-error`} role="alert" className="w-full text-sm text-red-800">
              {labels.linkInvalid}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function RichTextEditor({ editor, labels }: { editor: Editor | null; labels: RichTextEditorLabels }) {
  return (
    <div>
      <EditorToolbar editor={editor} labels={labels} />
      <EditorContent editor={editor} />
    </div>
  );
}
