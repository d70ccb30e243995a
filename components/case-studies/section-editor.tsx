'use client';

import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { memo, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { RichTextEditor, useRichTextEditor, type RichTextEditorLabels } from '@/components/rich-text/editor';
import type { SectionKey } from '@/lib/case-studies/sections';
import { saveSectionAction } from '@/lib/case-studies/actions';
import type { SaveSectionResult } from '@/lib/case-studies/mutations';
import { sectionCompleteness, type SectionCompleteness } from '@/lib/case-studies/workflow';
import { countWords, plainTextOf, type RichTextJson } from '@/lib/rich-text/plain-text';
import { readLocalDraft, removeLocalDraft, writeLocalDraft } from './local-drafts';

export type SectionEditorLabels = {
  editor: RichTextEditorLabels;
  completeness: Record<SectionCompleteness, string>;
  /** "{count} word" / "{count} words" */
  wordsOne: string;
  wordsOther: string;
  loading: string;
  saving: string;
  /** "Saved at {time}" */
  savedAt: string;
  offline: string;
  unreachable: string;
  /** "Not saved: {message}" */
  notSaved: string;
  conflict: string;
  restored: string;
  theirsLoaded: string;
  notKeptOnDevice: string;
  /** "{name} saved a newer version of this section at {time}. …" */
  conflictByName: string;
  conflictBySomeone: string;
  theirVersion: string;
  yourVersion: string;
  keepMine: string;
  useTheirs: string;
  confirmDiscard: string;
  confirmDiscardYes: string;
  cancel: string;
  copyMine: string;
  copied: string;
  copyFailed: string;
};

type Conflict = Extract<SaveSectionResult, { status: 'conflict' }>['current'];

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'refused'; message: string }
  | { kind: 'conflict' }
  | { kind: 'theirs' };

const debounceMs = 1500;
// Someone typing without a pause still gets a save this often.
const maxWaitMs = 15_000;
const maxRetryMs = 60_000;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));

type Props = {
  caseStudyId: string;
  sectionKey: SectionKey;
  heading: string;
  guidance: string;
  initialContent: RichTextJson | null;
  initialVersion: number;
  /** Review comments on this section, rendered by the server. */
  comments?: ReactNode;
  locale: string;
  labels: SectionEditorLabels;
  onTextChange: (key: SectionKey, plainText: string) => void;
};

/**
 * One section of a case study, saved as the member writes. The rules, in order of importance:
 * 1. Never lose text: every change is copied to this device before it is sent, and the copy is removed
 *    only when the server has acknowledged exactly that text.
 * 2. Never overwrite a co-author: each save names the version it started from; when someone else saved
 *    in between, both versions are shown and the member chooses. Autosave waits until they do.
 * 3. Spend little: one save in flight per section, sent when typing pauses, never on every keystroke.
 */
export const SectionEditor = memo(function SectionEditor({ caseStudyId, sectionKey, heading, guidance, initialContent, initialVersion, comments, locale, labels, onTextChange }: Props) {
  const headingId = useId();
  const guidanceId = useId();
  const [text, setText] = useState(() => plainTextOf(initialContent));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [isRestored, setRestored] = useState(false);
  const [isKeptOnDevice, setKeptOnDevice] = useState(true);
  const [isConfirmingDiscard, setConfirmingDiscard] = useState(false);
  const [copyResult, setCopyResult] = useState<'copied' | 'failed' | null>(null);

  // Mutable save state lives in refs: timers and browser events read it long after the render that set it.
  const editorRef = useRef<Editor | null>(null);
  const baseVersion = useRef(initialVersion);
  /** The document the server last acknowledged (ProseMirror documents are immutable, so this is a snapshot). */
  const acknowledged = useRef<ProseMirrorNode | null>(null);
  const conflictRef = useRef<Conflict | null>(null);
  /** Documents sent whose answer never came back: the server may have saved any of them. */
  const unanswered = useRef<ProseMirrorNode[]>([]);
  const isInFlight = useRef(false);
  const isQueued = useRef(false);
  const timers = useRef<{ debounce?: number; maxWait?: number; retry?: number }>({});
  const retryAttempt = useRef(0);

  const keepOnDevice = (editor: Editor) => {
    setKeptOnDevice(writeLocalDraft(caseStudyId, sectionKey, { content: editor.getJSON(), baseVersion: baseVersion.current, savedAt: Date.now() }));
  };

  const isDirty = () => {
    const editor = editorRef.current;
    return !!editor && (isInFlight.current || !acknowledged.current || !editor.state.doc.eq(acknowledged.current));
  };

  const clearTimer = (name: 'debounce' | 'maxWait' | 'retry') => {
    window.clearTimeout(timers.current[name]);
    timers.current[name] = undefined;
  };

  const scheduleRetry = () => {
    clearTimer('retry');
    // Offline, the `online` event brings the next attempt; online but unreachable, back off up to a minute.
    if (!navigator.onLine) return;
    const delay = Math.min(maxRetryMs, 2000 * 2 ** retryAttempt.current++);
    timers.current.retry = window.setTimeout(() => void save(), delay);
  };

  const acknowledge = (editor: Editor, sent: ProseMirrorNode, version: number) => {
    baseVersion.current = version;
    acknowledged.current = sent;
    retryAttempt.current = 0;
    // Typed while the save was in flight: keep that newer text, now based on the version just saved.
    if (editor.state.doc.eq(sent)) removeLocalDraft(caseStudyId, sectionKey);
    else keepOnDevice(editor);
    setStatus({ kind: 'saved', at: new Date() });
  };

  const sameDocument = (editor: Editor, content: unknown, doc: ProseMirrorNode) => {
    try {
      return editor.schema.nodeFromJSON(content).eq(doc);
    } catch {
      return false;
    }
  };

  async function save(): Promise<void> {
    const editor = editorRef.current;
    if (!editor || conflictRef.current) return;
    clearTimer('debounce');
    clearTimer('maxWait');
    clearTimer('retry');
    if (isInFlight.current) {
      isQueued.current = true;
      return;
    }
    const sent = editor.state.doc;
    if (acknowledged.current && sent.eq(acknowledged.current)) {
      // Back to the saved text (undone, or typed and deleted): nothing to send, nothing to keep.
      removeLocalDraft(caseStudyId, sectionKey);
      setStatus((previous) => (previous.kind === 'saved' ? previous : { kind: 'idle' }));
      return;
    }
    isInFlight.current = true;
    setStatus({ kind: 'saving' });
    let result: Awaited<ReturnType<typeof saveSectionAction>>;
    try {
      // A plain copy: ProseMirror builds attributes as null-prototype objects, which React's action
      // encoding would send as opaque references instead of data (headings and links would be refused).
      const content: unknown = JSON.parse(JSON.stringify(sent.toJSON()));
      result = await saveSectionAction({ caseStudyId, key: sectionKey, content, baseVersion: baseVersion.current });
    } catch {
      // The request did not come back (offline, or the server is unreachable): the device copy stays.
      unanswered.current = [...unanswered.current.slice(-4), sent];
      isInFlight.current = false;
      isQueued.current = false;
      setStatus({ kind: navigator.onLine ? 'unreachable' : 'offline' });
      scheduleRetry();
      return;
    }
    isInFlight.current = false;
    if (result.status === 'saved') {
      unanswered.current = [];
      acknowledge(editor, sent, result.version);
    } else if (result.status === 'conflict') {
      // An earlier attempt may have been saved with its answer lost on the way back: this same text, or one
      // we sent before and typed on since. Either way the "newer version" is our own, so no conflict.
      const ours = [sent, ...unanswered.current].find((doc) => sameDocument(editor, result.current.content, doc));
      if (ours) {
        unanswered.current = [];
        acknowledge(editor, ours, result.current.version);
        if (!ours.eq(sent)) scheduleSave();
      } else {
        isQueued.current = false;
        conflictRef.current = result.current;
        setConflict(result.current);
        setStatus({ kind: 'conflict' });
        return;
      }
    } else {
      // Refused (too long, signed out, no longer editable): retrying the same text would not help; the
      // next change tries again, and the device copy stays meanwhile.
      isQueued.current = false;
      setStatus({ kind: 'refused', message: result.message });
      return;
    }
    if (isQueued.current) {
      isQueued.current = false;
      void save();
    }
  }

  const scheduleSave = () => {
    clearTimer('debounce');
    timers.current.debounce = window.setTimeout(() => void save(), debounceMs);
    timers.current.maxWait ??= window.setTimeout(() => void save(), maxWaitMs);
  };

  const editor = useRichTextEditor({
    content: initialContent,
    label: heading,
    describedBy: guidanceId,
    onUpdate: (current) => {
      // The device copy first, then the network.
      keepOnDevice(current);
      setCopyResult(null);
      const plainText = plainTextOf(current.getJSON() as RichTextJson);
      setText(plainText);
      onTextChange(sectionKey, plainText);
      if (!conflictRef.current) scheduleSave();
    },
    onBlur: () => void save(),
  });

  // Once the editor exists: compare what the server sent with any copy left on this device. Once per
  // editor instance (React's development mode runs effects twice).
  const checkedEditor = useRef<Editor | null>(null);
  useEffect(() => {
    if (!editor || checkedEditor.current === editor) return;
    checkedEditor.current = editor;
    editorRef.current = editor;
    acknowledged.current = editor.state.doc;
    const draft = readLocalDraft(caseStudyId, sectionKey);
    if (!draft) return;
    if (sameDocument(editor, draft.content, editor.state.doc)) {
      removeLocalDraft(caseStudyId, sectionKey);
      return;
    }
    try {
      editor.commands.setContent(draft.content as RichTextJson, { emitUpdate: false });
    } catch {
      // A copy this editor cannot read (written by an older version): keep the server's text, leave the copy.
      return;
    }
    const plainText = plainTextOf(editor.getJSON() as RichTextJson);
    setText(plainText);
    onTextChange(sectionKey, plainText);
    setRestored(true);
    // Unsent text from this device. If nobody saved since it was typed, saving it is safe; if someone
    // did, saving from its old version makes the server answer with a conflict, showing both texts.
    baseVersion.current = draft.baseVersion;
    void save();
  }, [editor]);

  // Save when the member leaves the page or the tab, and when the connection comes back. The handlers
  // read refs only, so registering them once is enough.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && isDirty()) void save();
    };
    const onOnline = () => {
      retryAttempt.current = 0;
      if (isDirty() && !conflictRef.current) void save();
    };
    const onOffline = () => {
      if (isDirty() && !conflictRef.current) setStatus({ kind: 'offline' });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('beforeunload', onBeforeUnload);
    const pending = timers.current;
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('beforeunload', onBeforeUnload);
      for (const timer of Object.values(pending)) window.clearTimeout(timer);
      // Leaving within the app (a link, the workflow panel) keeps this page's JavaScript alive, so a save
      // sent now still completes: send what the debounce was still holding back.
      if (isDirty() && !isInFlight.current && !conflictRef.current) void save();
    };
  }, []);

  const resolveKeepMine = () => {
    const current = conflictRef.current;
    if (!editor || !current) return;
    baseVersion.current = current.version;
    conflictRef.current = null;
    setConflict(null);
    setConfirmingDiscard(false);
    keepOnDevice(editor);
    void save();
  };

  const resolveUseTheirs = () => {
    const current = conflictRef.current;
    if (!editor || !current) return;
    editor.commands.setContent(current.content as RichTextJson, { emitUpdate: false });
    baseVersion.current = current.version;
    acknowledged.current = editor.state.doc;
    conflictRef.current = null;
    removeLocalDraft(caseStudyId, sectionKey);
    const plainText = plainTextOf(editor.getJSON() as RichTextJson);
    setText(plainText);
    onTextChange(sectionKey, plainText);
    setConflict(null);
    setConfirmingDiscard(false);
    setRestored(false);
    setStatus({ kind: 'theirs' });
  };

  const copyMine = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopyResult('copied');
    } catch {
      setCopyResult('failed');
    }
  };

  const time = (date: Date) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  const words = countWords(text);
  const completeness = sectionCompleteness(text);
  const statusText = {
    idle: '',
    saving: labels.saving,
    saved: status.kind === 'saved' ? fill(labels.savedAt, { time: time(status.at) }) : '',
    offline: labels.offline,
    unreachable: labels.unreachable,
    refused: status.kind === 'refused' ? fill(labels.notSaved, { message: status.message }) : '',
    conflict: labels.conflict,
    theirs: labels.theirsLoaded,
  }[status.kind];
  const statusTone = status.kind === 'refused' || status.kind === 'conflict' ? 'text-red-800' : status.kind === 'offline' || status.kind === 'unreachable' ? 'text-amber-900' : 'text-stone-600';
  const badgeTone = { missing: 'bg-red-50 text-red-900', thin: 'bg-amber-100 text-amber-900', complete: 'bg-emerald-100 text-emerald-900' }[completeness];

  return (
    <section id={`section-${sectionKey}`} aria-labelledby={headingId} className="card scroll-mt-4 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId}>{heading}</h2>
        <p className="flex items-center gap-2 text-sm text-stone-600">
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${badgeTone}`}>{labels.completeness[completeness]}</span>
          <span>{fill(new Intl.PluralRules(locale).select(words) === 'one' ? labels.wordsOne : labels.wordsOther, { count: words })}</span>
        </p>
      </div>
      <p id={guidanceId} className="muted">
        {guidance}
      </p>
      <div className={comments ? 'grid gap-4 lg:grid-cols-[minmax(0,1fr)_16rem]' : undefined}>
        <div className="min-w-0 space-y-2">
          {conflict ? (
            <div className="space-y-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950">
              <p role="alert" className="font-medium">
                {conflict.updatedByName
                  ? fill(labels.conflictByName, { name: conflict.updatedByName, time: time(new Date(conflict.updatedAt)) })
                  : fill(labels.conflictBySomeone, { time: time(new Date(conflict.updatedAt)) })}
              </p>
              <div>
                <p className="font-medium">{labels.theirVersion}</p>
                <div className="mt-1 max-h-64 overflow-y-auto rounded border border-stone-300 bg-white p-3 whitespace-pre-line text-stone-900">{plainTextOf(conflict.content as RichTextJson)}</div>
              </div>
              {isConfirmingDiscard ? (
                <div className="space-y-2">
                  <p>{labels.confirmDiscard}</p>
                  <div className="flex flex-wrap gap-2">
                    <button type="button" onClick={resolveUseTheirs} className="button-danger">
                      {labels.confirmDiscardYes}
                    </button>
                    <button type="button" onClick={() => setConfirmingDiscard(false)} className="button-secondary">
                      {labels.cancel}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <button type="button" onClick={resolveKeepMine} className="button-secondary">
                    {labels.keepMine}
                  </button>
                  <button type="button" onClick={() => setConfirmingDiscard(true)} className="button-secondary">
                    {labels.useTheirs}
                  </button>
                  <button type="button" onClick={() => void copyMine()} className="button-secondary">
                    {labels.copyMine}
                  </button>
                </div>
              )}
              {copyResult ? <p role="status">{copyResult === 'copied' ? labels.copied : labels.copyFailed}</p> : null}
            </div>
          ) : null}
          {conflict ? <p className="text-sm font-medium">{labels.yourVersion}</p> : null}
          <div className="overflow-hidden rounded border border-stone-300 bg-white focus-within:border-teal-700">
            {editor ? (
              <RichTextEditor editor={editor} labels={labels.editor} />
            ) : (
              // Until the editor's code arrives (slow connections), the text is readable and the member knows why it is still.
              <div className="min-h-40 px-3 py-2">
                <p className="muted">{labels.loading}</p>
                <p className="mt-2 whitespace-pre-line text-stone-700">{text}</p>
              </div>
            )}
          </div>
          <div className="space-y-1 text-sm">
            <p role="status" className={`min-h-5 ${statusTone}`}>
              {statusText}
            </p>
            {isRestored ? <p className="text-stone-600">{labels.restored}</p> : null}
            {!isKeptOnDevice ? <p className="text-amber-900">{labels.notKeptOnDevice}</p> : null}
          </div>
        </div>
        {comments}
      </div>
    </section>
  );
});
