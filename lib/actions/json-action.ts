import 'server-only';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import type { Viewer } from '@/lib/policy/types';
import { failureMessage, translateKey } from './failure';

/** A refused or failed call, with a message already in the member's language. */
export type JsonActionError = { status: 'error'; message: string };

/**
 * The twin of memberFormAction for client components that call a server action with an object instead of
 * a form (the case-study section autosave). Same order: viewer first, then the schema, then the handler,
 * whose own assertCan decides authorization. It does not revalidate: a caller that saves every few
 * seconds must not pull a fresh page over a slow connection each time.
 */
export function memberJsonAction<S extends z.ZodType, R>(schema: S, handler: (args: { viewer: Viewer; input: z.infer<S> }) => R | Promise<R>) {
  return async (input: z.input<S>): Promise<R | JsonActionError> => {
    const t = await getTranslations();
    const viewer = await getViewer();
    if (!viewer) return { status: 'error', message: t('errors.unauthenticated') };
    // Every server action is a public endpoint: the argument is whatever the request carried.
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { status: 'error', message: translateKey(t, parsed.error.issues[0]?.message ?? 'errors.invalid_input') };
    try {
      return await handler({ viewer, input: parsed.data });
    } catch (error) {
      return { status: 'error', message: failureMessage(t, error, 'a JSON action') };
    }
  };
}
