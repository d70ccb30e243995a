'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { updateEmailSettings } from './mutations';
import { EmailSettingsInput } from './schemas';

export const updateEmailSettingsAction = memberFormAction(EmailSettingsInput, ({ viewer, input }) => {
  updateEmailSettings({ viewer, input });
});
