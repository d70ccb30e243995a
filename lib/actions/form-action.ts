import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { clientAddress } from '@/lib/auth/sign-in';
import { getViewer } from '@/lib/auth/viewer';
import { formDataToObject } from '@/lib/forms';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { failureMessage, translateKey } from './failure';

/** What a form gets back. Messages are already translated, so client forms carry no message catalogue. */
export type FormState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, so a refused form keeps it. Passwords are never echoed. */
  values?: Record<string, string | string[]>;
  /** A value to show once after success (a new invite code). */
  result?: string;
};

type Outcome = void | { redirectTo?: string; result?: string; message?: string };
type Context = { address: string };

// Secrets are never echoed: passwords, and the invite `code` field (not `countryCode`, which a refused form must keep).
function echoable(values: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|^code$/i.test(key)));
}

function buildAction<S extends z.ZodType, V extends MaybeViewer>(
  schema: S,
  requireSignedIn: boolean,
  handler: (args: { viewer: V; input: z.infer<S>; context: Context }) => Outcome | Promise<Outcome>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const t = await getTranslations();
    // Every server action is a public endpoint: a forged call may carry anything but a form.
    if (!(formData instanceof FormData)) return { status: 'error', message: t('errors.invalid_input') };
    const raw = formDataToObject(formData);
    const values = echoable(raw);
    const viewer = await getViewer();
    if (requireSignedIn && !viewer) return { status: 'error', message: t('errors.unauthenticated'), values };

    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '_');
        fieldErrors[field] ??= translateKey(t, issue.message);
      }
      return { status: 'error', message: t('errors.check_fields'), fieldErrors, values };
    }

    let outcome: Outcome;
    try {
      const address = clientAddress(await headers());
      outcome = await handler({ viewer: viewer as V, input: parsed.data, context: { address } });
    } catch (error) {
      return { status: 'error', message: failureMessage(t, error, 'a form action'), values };
    }
    revalidatePath('/', 'layout');
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { status: 'ok', message: outcome?.message ? translateKey(t, outcome.message, 'common.saved') : t('common.saved'), result: outcome?.result };
  };
}

/** A form action for signed-in members. Authorization stays in the mutation (assertCan). */
export function memberFormAction<S extends z.ZodType>(schema: S, handler: (args: { viewer: Viewer; input: z.infer<S>; context: Context }) => Outcome | Promise<Outcome>) {
  return buildAction<S, Viewer>(schema, true, handler);
}

/** A form action anyone may submit (sign-in, joining with an invite code). */
export function publicFormAction<S extends z.ZodType>(schema: S, handler: (args: { viewer: MaybeViewer; input: z.infer<S>; context: Context }) => Outcome | Promise<Outcome>) {
  return buildAction<S, MaybeViewer>(schema, false, handler);
}
