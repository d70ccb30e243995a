import { CheckboxGroupField } from '@/components/ui/action-form';
import { formatDay } from '@/lib/format';
import { addMonths } from '@/lib/notifications/refreshers';
import type { Locale } from '@/lib/policy/types';

/**
 * The default days of something scheduled after an event (refreshers, follow-up surveys): one box per
 * "N months after", with its date, ticked unless that day has passed (the same calendar day the
 * scheduling uses to skip it).
 */
export function MonthsAfterField({ endsOn, months, locale, label, hint, optionLabel }: { endsOn: string; months: readonly number[]; locale: Locale; label: string; hint: string; optionLabel: (months: number, date: string) => string }) {
  const today = new Date().toISOString().slice(0, 10);
  const days = months.map((count) => ({ count, day: addMonths(endsOn, count) }));
  return (
    <CheckboxGroupField
      name="months"
      label={label}
      hint={hint}
      options={days.map((option) => ({ value: String(option.count), label: optionLabel(option.count, formatDay(option.day, locale)) }))}
      defaultValues={days.filter((option) => option.day >= today).map((option) => String(option.count))}
    />
  );
}
