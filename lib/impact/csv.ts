// CSV for spreadsheets, safe to open: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order mark so
// Excel reads accents (French answers) correctly.

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, and a leading tab
 * or carriage return that some spreadsheets strip before looking for one of those.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One cell, ready to join with commas: defused (a leading `'`) when it could start a formula, then quoted when needed. */
export function escapeCsvCell(value: string): string {
  const defused = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** A whole file: every cell (headers and free text included) goes through `escapeCsvCell`. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}
