import { attachmentAccept } from '@/lib/case-studies/attachment-rules';

type Props = {
  caseStudyId: string;
  labels: {
    /** The file input's label, e.g. "File to attach". */
    file: string;
    /** Which types and sizes are accepted, and what happens to photos' hidden details. */
    hint: string;
    submit: string;
  };
  /** The outcome of the last upload, read by the page from `?attachment=` / `?attachmentError=`. */
  notice?: { status: 'ok' | 'error'; message: string };
};

/**
 * Attaches one file to a case study. A plain multipart form, so it works without JavaScript: the route
 * handler redirects back to the edit page with a notice. The `accept` list only guides the file picker;
 * the server decides from the file's content.
 */
export function AttachmentUpload({ caseStudyId, labels, notice }: Props) {
  const inputId = `attachment-file-${caseStudyId}`;
  return (
    <form method="post" encType="multipart/form-data" action={`/api/case-studies/${encodeURIComponent(caseStudyId)}/attachments`} className="space-y-2">
      {notice ? (
        notice.status === 'error' ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {notice.message}
          </p>
        ) : (
          <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
            {notice.message}
          </p>
        )
      ) : null}
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium">
          {labels.file}
        </label>
        <input id={inputId} type="file" name="file" accept={attachmentAccept} required aria-describedby={`${inputId}-hint`} className="block w-full text-sm" />
        <p id={`${inputId}-hint`} className="text-xs text-stone-600">
          {labels.hint}
        </p>
      </div>
      <button type="submit" className="button-secondary">
        {labels.submit}
      </button>
    </form>
  );
}
