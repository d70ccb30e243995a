'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { createOrganisation, updateOrganisation } from './mutations';
import { OrganisationInput, UpdateOrganisationInput } from './schemas';

export const createOrganisationAction = memberFormAction(OrganisationInput, ({ viewer, input }) => {
  const { id } = createOrganisation({ viewer, input });
  return { redirectTo: `/admin/organisations/${id}?created=1` };
});

export const updateOrganisationAction = memberFormAction(UpdateOrganisationInput, ({ viewer, input }) => {
  updateOrganisation({ viewer, input });
});
