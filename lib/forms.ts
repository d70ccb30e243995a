import { z } from 'zod';

// Helpers for schemas fed by HTML forms (FormData gives strings, absent checkboxes, repeated keys).
// Messages are i18n keys under `errors.`.

/**
 * The message of any issue a schema gives no message for (an id that is not a string, a value outside an
 * enum, a whole input that is not an object): a key too, so a member never reads zod's English. Schemas'
 * own messages take precedence; every schema module imports this one, so this runs before any parse.
 */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'errors.required';
    if (issue.code === 'too_big') return issue.origin === 'array' || issue.origin === 'set' ? 'errors.too_many' : 'errors.too_long';
    if (issue.code === 'too_small') return issue.minimum === 1 && issue.origin === 'string' ? 'errors.required' : 'errors.too_short';
    if (issue.code === 'invalid_value') return 'errors.invalid_choice';
    return 'errors.invalid_input';
  },
});

export const checkbox = () => z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/** An optional text field: an empty input means "none". */
export const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().max(max, 'errors.too_long').optional());

export const requiredText = (min: number, max: number) =>
  z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').min(min, 'errors.too_short').max(max, 'errors.too_long');

/** A multi-select or checkbox group: one value or many under the same name. */
export const many = <T extends z.ZodType>(item: T, max = 50) =>
  z.preprocess(
    // An empty <select> option means "none": drop it rather than fail validation.
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((entry) => entry !== ''),
    z.array(item).max(max, 'errors.too_many'),
  );

export const locale = () => z.enum(['en', 'fr'], { error: 'errors.invalid_choice' });

export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.invalid_date');

/** FormData as a plain object: repeated names become arrays; Next's internal `$ACTION_` fields are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    object[key] = values.length === 1 ? values[0]! : values;
  }
  return object;
}
