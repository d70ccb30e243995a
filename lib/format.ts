/** Dates as the member's language writes them. Stored dates are calendar days (YYYY-MM-DD) in the event's own time. */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, date!)));
}

export function formatDayRange(start: string, end: string, locale: string): string {
  if (start === end) return formatDay(start, locale);
  const [startDate, endDate] = [start, end].map((day) => {
    const [year, month, date] = day.split('-').map(Number);
    return new Date(Date.UTC(year!, month! - 1, date!));
  });
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(startDate!, endDate!);
}

/** At most `length` characters of plain text, cut at a word boundary (trailing punctuation dropped), with an ellipsis when cut. */
export function excerpt(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > length * 0.6 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
