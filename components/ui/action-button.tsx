'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/actions/form-action';

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A one-button form (a reaction, follow, lock): inline, with an optional pressed state for toggles. Like
 * ActionForm it works without JavaScript (the action posts and the page re-renders); a refusal shows next
 * to the button. Success is shown only when asked (`showSuccess`): the re-rendered page usually says it.
 */
export function ActionButton({
  action,
  fields,
  children,
  pressed,
  className,
  showSuccess = false,
}: {
  action: ServerAction;
  fields: Record<string, string>;
  children: ReactNode;
  pressed?: boolean;
  className?: string;
  showSuccess?: boolean;
}) {
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" aria-pressed={pressed} disabled={isPending} className={className ?? 'button-secondary'}>
        {children}
      </button>
      {state.status === 'error' && state.message ? (
        <span role="alert" className="text-sm text-red-800">
          {state.message}
        </span>
      ) : null}
      {showSuccess && state.status === 'ok' && state.message ? (
        <span role="status" className="text-sm text-emerald-900">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
