'use client';

import { useEffect, useId, useRef } from 'react';
import { FieldError, useField } from '@/components/ui/action-form';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import { RichTextEditor, useRichTextEditor, type RichTextEditorLabels } from './editor';

/**
 * A rich-text field inside an ActionForm (a theme's description, a report's narrative): the document
 * editor, whose JSON goes with the form under `name`. Without JavaScript (or before the editor loads) the
 * hidden input carries the stored document unchanged, so the rest of the form can still be saved.
 * Edit pages only: the editor's JavaScript never reaches a reader.
 */
export function RichTextField({ name, label, initialContent, labels, lang }: { name: string; label: string; initialContent: RichTextJson | null; labels: RichTextEditorLabels; lang?: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { error } = useField(name);
  const editor = useRichTextEditor({ content: initialContent, label, describedBy: error ? `${id}-error` : undefined });

  // The JSON is read at the moment the form is submitted (`formdata`): no state update per keystroke.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!editor || !form) return;
    const fill = (event: FormDataEvent) => event.formData.set(name, editor.isEmpty ? '' : JSON.stringify(editor.getJSON()));
    form.addEventListener('formdata', fill);
    return () => form.removeEventListener('formdata', fill);
  }, [editor, name]);

  return (
    <div className="space-y-1">
      <p id={`${id}-label`} className="text-sm font-medium">
        {label}
      </p>
      <input ref={inputRef} type="hidden" name={name} defaultValue={initialContent ? JSON.stringify(initialContent) : ''} />
      <div lang={lang} className="rounded border border-stone-300 bg-white focus-within:border-teal-700">
        <RichTextEditor editor={editor} labels={labels} />
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}
