'use client';

import Link from 'next/link';
import { useActionState, useContext, useId, type ReactNode } from 'react';
import { FormStateContext, useField } from '@/components/ui/action-form';
import type { FormState } from '@/lib/actions/form-action';

// The survey's forms, made for a phone held in one hand: one column, whole-row tap targets, buttons the
// width of the screen. They work without JavaScript (the action posts and the page re-renders), and a
// refused step keeps what the member chose and typed.

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** One step's form: its questions, then "Continue" and "Save and finish later" (the `intent` the action reads). */
export function SurveyStepForm({
  action,
  followUpId,
  step,
  labels,
  backHref,
  children,
}: {
  action: ServerAction;
  followUpId: string;
  step: string;
  labels: { next: string; later: string; back: string };
  backHref?: string;
  children: ReactNode;
}) {
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} noValidate className="space-y-6">
        {state.status === 'error' && state.message ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {state.message}
          </p>
        ) : null}
        <input type="hidden" name="followUpId" value={followUpId} />
        <input type="hidden" name="step" value={step} />
        {children}
        {/* "Continue" comes first: pressing Enter in the form moves on. */}
        <div className="flex flex-col gap-3 border-t border-stone-200 pt-4 sm:flex-row sm:flex-wrap sm:items-center">
          <button type="submit" name="intent" value="next" disabled={isPending} className="button-primary min-h-12 justify-center px-6 text-base">
            {labels.next}
          </button>
          <button type="submit" name="intent" value="later" disabled={isPending} className="button-secondary min-h-12 justify-center px-4 text-base">
            {labels.later}
          </button>
          {backHref ? (
            <Link href={backHref} className="inline-flex min-h-12 items-center justify-center px-2 sm:ml-auto">
              {labels.back}
            </Link>
          ) : null}
        </div>
      </form>
    </FormStateContext.Provider>
  );
}

/** The review's single button: send the answers (the action sends the member to a missing step if any). */
export function SurveySubmitForm({ action, followUpId, label }: { action: ServerAction; followUpId: string; label: string }) {
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={formAction} className="space-y-3">
      {state.status === 'error' && state.message ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="followUpId" value={followUpId} />
      <button type="submit" disabled={isPending} className="button-primary min-h-12 w-full justify-center px-6 text-base sm:w-auto">
        {label}
      </button>
    </form>
  );
}

export type Choice = { value: string; label: string };

/**
 * Radio buttons or checkboxes, each a whole row to tap. Several groups may share a name (the barriers,
 * grouped by side): each keeps the submitted values among its own options, and one shows the error.
 */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  options,
  defaultValues = [],
  showError = true,
  legendClassName,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  hint?: string;
  options: Choice[];
  defaultValues?: string[];
  showError?: boolean;
  legendClassName?: string;
}) {
  const id = useId();
  const state = useContext(FormStateContext);
  const { error, submitted } = useField(name);
  const submittedValues = Array.isArray(submitted) ? submitted : typeof submitted === 'string' ? [submitted] : [];
  const selected = state.values ? submittedValues : defaultValues;
  const shownError = showError ? error : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={[hint ? `${id}-hint` : '', shownError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className={legendClassName ?? 'mb-1 text-base font-semibold'}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <div className="space-y-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2 has-checked:border-teal-700 has-checked:bg-teal-50"
          >
            <input
              type={type}
              name={name}
              value={option.value}
              key={`${option.value}-${selected.includes(option.value)}`}
              defaultChecked={selected.includes(option.value)}
              aria-invalid={shownError ? true : undefined}
              className="h-5 w-5 shrink-0 accent-teal-800"
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {shownError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A field's error on its own, for questions drawn as several groups. */
export function FieldError({ name }: { name: string }) {
  const { error } = useField(name);
  return error ? <p className="text-sm font-medium text-red-800">{error}</p> : null;
}

/** A free-text answer; what the member typed stays when the step is refused. */
export function SurveyTextArea({ name, label, hint, defaultValue, maxLength = 2000 }: { name: string; label: string; hint?: string; defaultValue?: string; maxLength?: number }) {
  const id = useId();
  const { error, submitted } = useField(name);
  const value = typeof submitted === 'string' ? submitted : defaultValue;
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-base font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        key={value}
        defaultValue={value}
        rows={6}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        className="input"
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
