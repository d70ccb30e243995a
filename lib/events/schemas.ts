import { z } from 'zod';
import { eventRoles, sessionKinds } from '@/db/schema/events';
import { isoDate, many, optionalText, requiredText } from '@/lib/forms';

export const EventInput = z
  .object({
    titleEn: requiredText(3, 200),
    titleFr: requiredText(3, 200),
    descriptionEn: optionalText(4000),
    descriptionFr: optionalText(4000),
    startsOn: isoDate(),
    endsOn: isoDate(),
    place: optionalText(200),
    countryCode: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^[A-Z]{2}$/, 'errors.invalid_choice').optional()),
    visibility: z.enum(['public', 'members'], { error: 'errors.invalid_choice' }),
    populations: many(z.string().min(1).max(40), 10),
    topics: many(z.string().min(1).max(80), 40),
  })
  .refine((event) => event.endsOn >= event.startsOn, { path: ['endsOn'], message: 'errors.end_before_start' });
export type EventInput = z.infer<typeof EventInput>;

export const UpdateEventInput = z.intersection(EventInput, z.object({ eventId: z.string().min(1) }));

export const AddParticipantInput = z.object({
  eventId: z.string().min(1),
  userId: z.string({ error: 'errors.required' }).min(1, 'errors.required'),
  role: z.enum(eventRoles, { error: 'errors.invalid_choice' }),
});
export const RemoveParticipantInput = AddParticipantInput;

export const EventOrganisationInput = z.object({
  eventId: z.string().min(1),
  organisationId: z.string({ error: 'errors.required' }).min(1, 'errors.required'),
});

const time = z.preprocess((value) => (value === undefined ? '' : value), z.string().regex(/^(\d{2}:\d{2})?$/, 'errors.invalid_time'));

export const SessionInput = z
  .object({
    eventId: z.string().min(1),
    kind: z.enum(sessionKinds, { error: 'errors.invalid_choice' }),
    titleEn: requiredText(2, 200),
    titleFr: requiredText(2, 200),
    day: isoDate(),
    startsAt: time,
    endsAt: time,
    room: optionalText(100),
  })
  .refine((session) => !session.startsAt || !session.endsAt || session.endsAt > session.startsAt, { path: ['endsAt'], message: 'errors.end_before_start' });

export const DeleteSessionInput = z.object({ eventId: z.string().min(1), sessionId: z.string().min(1) });
