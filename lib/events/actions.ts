'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { addParticipant, addSession, createEvent, deleteSession, removeParticipant, setEventOrganisation, updateEvent } from './mutations';
import { AddParticipantInput, DeleteSessionInput, EventInput, EventOrganisationInput, RemoveParticipantInput, SessionInput, UpdateEventInput } from './schemas';

export const createEventAction = memberFormAction(EventInput, ({ viewer, input }) => {
  const { id } = createEvent({ viewer, input });
  return { redirectTo: `/admin/events/${id}?created=1` };
});

export const updateEventAction = memberFormAction(UpdateEventInput, ({ viewer, input }) => {
  updateEvent({ viewer, input });
});

export const addParticipantAction = memberFormAction(AddParticipantInput, ({ viewer, input }) => {
  addParticipant({ viewer, input });
  return { message: 'admin.events.participants.added' };
});

export const removeParticipantAction = memberFormAction(RemoveParticipantInput, ({ viewer, input }) => {
  removeParticipant({ viewer, input });
});

export const addEventOrganisationAction = memberFormAction(EventOrganisationInput, ({ viewer, input }) => {
  setEventOrganisation({ viewer, input, isParticipating: true });
  return { message: 'admin.events.organisations.added' };
});

export const removeEventOrganisationAction = memberFormAction(EventOrganisationInput, ({ viewer, input }) => {
  setEventOrganisation({ viewer, input, isParticipating: false });
});

export const addSessionAction = memberFormAction(SessionInput, ({ viewer, input }) => {
  addSession({ viewer, input });
  return { message: 'admin.events.sessions.added' };
});

export const deleteSessionAction = memberFormAction(DeleteSessionInput, ({ viewer, input }) => {
  deleteSession({ viewer, input });
});
