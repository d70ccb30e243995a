/** Only same-site paths: `?next=` and `returnTo` must never send a member to another host. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // URL parsers drop tabs and newlines, so "/\t/evil.com" would become "//evil.com": refuse control characters.
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
