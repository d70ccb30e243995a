'use client';

import { useContext, useId } from 'react';
import { FieldError, FormStateContext, useField } from '@/components/ui/action-form';

// A field the generic ones do not cover: checkbox lists grouped by event (collapsed, so a phone shows a
// short page; a group opens when it holds a chosen link). It keeps what the member chose when the form
// comes back with an error, and works without JavaScript.

export type LinkGroup = { key: string; label: string; options: { value: string; label: string }[] };

export function LinkPickerField({ name, legend, hint, groups, defaultValues = [], emptyText }: { name: string; legend: string; hint?: string; groups: LinkGroup[]; defaultValues?: string[]; emptyText: string }) {
  const id = useId();
  const { error, submitted } = useField(name);
  const state = useContext(FormStateContext);
  const selected = state.values ? (Array.isArray(submitted) ? submitted : submitted ? [submitted] : []) : defaultValues;
  return (
    <fieldset className="space-y-2" aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {groups.length ? null : <p className="muted">{emptyText}</p>}
      {groups.map((group) => {
        const chosen = group.options.filter((option) => selected.includes(option.value)).length;
        return (
          <details key={`${group.key}-${chosen > 0}`} open={chosen > 0} className="rounded border border-stone-200 bg-white">
            <summary className="cursor-pointer px-3 py-2 text-sm">
              {group.label} <span className="muted">({chosen ? `${chosen}/` : ''}{group.options.length})</span>
            </summary>
            <div className="space-y-1 px-3 pb-3">
              {group.options.map((option) => (
                <label key={option.value} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name={name} value={option.value} key={`${option.value}-${selected.includes(option.value)}`} defaultChecked={selected.includes(option.value)} className="mt-1 h-4 w-4 shrink-0" />
                  <span>{option.label}</span>
                </label>
              ))}
            </div>
          </details>
        );
      })}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
