'use client';

import { createContext, useActionState, useContext, useId, type ReactNode } from 'react';
import type { FormState } from '@/lib/actions/form-action';

/** The state of the enclosing form; exported for fields that live outside this file (the post editor). */
export const FormStateContext = createContext<FormState>({ status: 'idle' });

type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form bound to a server action. Works without JavaScript (the action posts and the page re-renders);
 * with it, errors show in place and the fields keep what the member typed.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  children,
  className,
  resultLabel,
  submitClassName,
}: {
  action: ServerAction;
  submitLabel: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  resultLabel?: string;
  submitClassName?: string;
}) {
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} noValidate className={className ?? 'space-y-4'}>
        {state.status === 'error' && state.message ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {state.message}
          </p>
        ) : null}
        {children}
        <button type="submit" disabled={isPending} className={submitClassName ?? 'button-primary'}>
          {isPending && pendingLabel ? pendingLabel : submitLabel}
        </button>
        {state.status === 'ok' ? (
          <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
            <p>{state.message}</p>
            {state.result ? (
              <p className="mt-2">
                {resultLabel ? <span className="font-medium">{resultLabel} </span> : null}
                <output className="font-mono text-base font-semibold tracking-wider" data-testid="form-result">
                  {state.result}
                </output>
              </p>
            ) : null}
          </div>
        ) : null}
      </form>
    </FormStateContext.Provider>
  );
}

/** A field's error and the value the member submitted, so a refused form keeps what they typed. */
export function useField(name: string) {
  const state = useContext(FormStateContext);
  return { error: state.fieldErrors?.[name], submitted: state.values?.[name] };
}

type BaseProps = { name: string; label: string; hint?: string; required?: boolean };

/** A field's validation message, referenced by the control's aria-describedby (`<id>-error`). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

function FieldShell({ id, label, hint, error, required, children }: { id: string; label: string; hint?: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="space-y-1">
      {/* The asterisk sits outside the label so the field's accessible name is exactly its label. */}
      <div className="text-sm font-medium">
        <label htmlFor={id}>{label}</label>
        {required ? <span aria-hidden="true"> *</span> : null}
      </div>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField({
  name,
  label,
  hint,
  required,
  type = 'text',
  defaultValue,
  autoComplete,
  maxLength,
  multiline,
  rows = 4,
}: BaseProps & { type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number'; defaultValue?: string; autoComplete?: string; maxLength?: number; multiline?: boolean; rows?: number }) {
  const id = useId();
  const { error, submitted } = useField(name);
  const value = type === 'password' ? undefined : typeof submitted === 'string' ? submitted : defaultValue;
  const common = {
    id,
    name,
    required,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    className: 'input',
  } as const;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {multiline ? (
        <textarea {...common} key={value} defaultValue={value} rows={rows} />
      ) : (
        <input {...common} key={value} type={type} defaultValue={value} autoComplete={autoComplete} />
      )}
    </FieldShell>
  );
}

export function SelectField({ name, label, hint, required, options, defaultValue }: BaseProps & { options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = useId();
  const { error, submitted } = useField(name);
  // Another control may share this name (a checkbox group plus a select for "other"): keep the submitted
  // value that is one of this select's options.
  const submittedValue = Array.isArray(submitted) ? submitted.find((entry) => options.some((option) => option.value === entry)) ?? '' : submitted;
  const value = typeof submittedValue === 'string' ? submittedValue : defaultValue;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select id={id} name={name} key={value} defaultValue={value} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className="input">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, hint, defaultChecked }: BaseProps & { defaultChecked?: boolean }) {
  const id = useId();
  const { error, submitted } = useField(name);
  const state = useContext(FormStateContext);
  const checked = state.values ? submitted === 'on' : defaultChecked;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" name={name} key={String(checked)} defaultChecked={checked} aria-describedby={describedBy(id, hint, error)} className="mt-1 h-4 w-4" />
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="ml-6 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="ml-6 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxGroupField({ name, label, hint, options, defaultValues = [] }: BaseProps & { options: { value: string; label: string }[]; defaultValues?: string[] }) {
  const { error, submitted } = useField(name);
  const state = useContext(FormStateContext);
  const selected = state.values ? (Array.isArray(submitted) ? submitted : submitted ? [submitted] : []) : defaultValues;
  const id = useId();
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy(id, hint, error)}>
      <legend className="text-sm font-medium">{label}</legend>
      {hint ? <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p> : null}
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} key={`${option.value}-${selected.includes(option.value)}`} defaultChecked={selected.includes(option.value)} className="mt-1 h-4 w-4" />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** A hidden input, for ids a form acts on. */
export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export function RadioGroupField({ name, label, options, defaultValue }: BaseProps & { options: { value: string; label: string; hint?: string }[]; defaultValue?: string }) {
  const { error, submitted } = useField(name);
  const selected = typeof submitted === 'string' ? submitted : defaultValue;
  const id = useId();
  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex items-start gap-2 text-sm">
          <input type="radio" name={name} value={option.value} key={`${option.value}-${selected === option.value}`} defaultChecked={selected === option.value} className="mt-1 h-4 w-4" />
          <span>
            {option.label}
            {option.hint ? <span className="block text-xs text-stone-600">{option.hint}</span> : null}
          </span>
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
