'use client';

import { useContext, useId } from 'react';
import { FormStateContext, useField } from '@/components/ui/action-form';

// Two fields the generic ones do not cover: a story-sized text box, and checkbox lists grouped by event
// (collapsed, so a phone shows a short page; a group opens when it holds a chosen link). Both keep what
// the member chose when the form comes back with an error, and work without JavaScript.

export function StoryBodyField({ name, label, hint, defaultValue }: { name: string; label: string; hint: string; defaultValue?: string }) {
  const id = useId();
  const { error, submitted } = useField(name);
  const value = typeof submitted === 'string' ? submitted : defaultValue;
  return (
    <div className="space-y-1">
      <div className="text-sm font-medium">
        <label htmlFor={id}>{label}</label>
        <span aria-hidden="true"> *</span>
      </div>
      <textarea
        id={id}
        name={name}
        key={value}
        defaultValue={value}
        required
        rows={10}
        maxLength={5000}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        className="input"
      />
      <p id={`${id}-hint`} className="text-xs text-stone-600">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

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
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
