import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from '@/lib/impact/csv';
import { parseCsv } from './fixtures';

describe('CSV cells are safe to open in a spreadsheet', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+33 6 12 34 56', "'+33 6 12 34 56"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=HYPERLINK("http://x.example","click")', `"'=HYPERLINK(""http://x.example"",""click"")"`],
  ])('a cell starting a formula (%j) is prefixed with a quote', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });

  it.each([
    ['plain text', 'plain text'],
    ['', ''],
    ['a, b', '"a, b"'],
    ['she said "yes"', '"she said ""yes"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['ça a marché à 100 %', 'ça a marché à 100 %'],
    ['1=1 is not at the start', '1=1 is not at the start'],
  ])('%j is quoted only as RFC 4180 requires', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });

  it('a file: UTF-8 byte order mark, CRLF lines, every cell escaped (headers too), and it reads back cell for cell', () => {
    const rows = [
      ['custom:=cmd|/c calc', 'retained'],
      ['-1', 'line one\nline "two", three'],
      ['@me', ''],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcustom:=cmd|/c calc,retained');
    expect(parseCsv(csv.slice(1))).toEqual([
      ['custom:=cmd|/c calc', 'retained'],
      ["'-1", 'line one\nline "two", three'],
      ["'@me", ''],
    ]);
    // No cell of the file, once read, starts a formula.
    for (const cell of parseCsv(csv.slice(1)).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
