import Link from 'next/link';

// The pieces of the lists' filter forms (case studies, stories, the directory): GET forms, so filtering
// works without JavaScript and a filtered list is a link to share.

export type FilterOption = { value: string; label: string };

/** One filter: a labelled select whose first option ("any") clears it. */
export function FilterSelect({ name, label, anyLabel, value, options }: { name: string; label: string; anyLabel: string; value: string | undefined; options: readonly FilterOption[] }) {
  return (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ''} className="input">
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Apply, and a link back to the unfiltered list. */
export function FilterButtons({ applyLabel, clearLabel, clearHref }: { applyLabel: string; clearLabel: string; clearHref: string }) {
  return (
    <div className="flex items-end gap-3">
      <button type="submit" className="button-secondary">
        {applyLabel}
      </button>
      <Link href={clearHref} className="text-sm">
        {clearLabel}
      </Link>
    </div>
  );
}
