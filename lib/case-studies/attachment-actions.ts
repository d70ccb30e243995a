'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { DeleteAttachmentInput } from './attachment-rules';
import { deleteAttachment } from './attachments';

// Uploads go through app/api/case-studies/[id]/attachments (a multipart body a server action would cap at 1 MB).

export const deleteAttachmentAction = memberFormAction(DeleteAttachmentInput, async ({ viewer, input }) => {
  const { caseStudyId } = await deleteAttachment({ viewer, attachmentId: input.attachmentId });
  return { redirectTo: `/case-studies/${caseStudyId}/edit?attachment=deleted` };
});
