import fs from 'node:fs';
import path from 'node:path';

// Every English interface string that has a different French counterpart: if one of them is visible on a
// page shown in French, that page leaks English. Sources: the message catalogues and the taxonomy labels
// (countries, key populations, topics, organisation types, event titles).

type Tree = { [key: string]: string | Tree };

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as T;
}

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(name, value);
    else for (const [leaf, text] of leaves(value, name)) result.set(leaf, text);
  }
  return result;
}

/**
 * The literal text of an ICU message, split where placeholders are: `Welcome back, {name}.` gives
 * `Welcome back,` and `.`; `{count, plural, one {# member} other {# members}}` gives `member` and `members`.
 */
export function literalSegments(message: string): string[] {
  const segments: string[] = [];
  let current = '';
  const flush = () => {
    segments.push(current);
    current = '';
  };
  let index = 0;

  // Reads `{...}` starting at `index` (on the `{`); pushes the literal text of plural/select branches.
  const readArgument = () => {
    const close = findMatching(message, index);
    const body = message.slice(index + 1, close);
    index = close + 1;
    const [, kind] = body.split(',').map((part) => part.trim());
    if (kind === 'plural' || kind === 'select' || kind === 'selectordinal') {
      // Branches: `key {message}` pairs after the second comma.
      const branches = body.slice(body.indexOf(',', body.indexOf(',') + 1) + 1);
      let cursor = 0;
      while (cursor < branches.length) {
        const open = branches.indexOf('{', cursor);
        if (open === -1) break;
        const end = findMatching(branches, open);
        for (const segment of literalSegments(branches.slice(open + 1, end).replaceAll('#', '{#}'))) segments.push(segment);
        cursor = end + 1;
      }
    }
  };

  while (index < message.length) {
    const character = message[index]!;
    if (character === '{') {
      flush();
      readArgument();
    } else {
      current += character;
      index++;
    }
  }
  flush();
  return segments;
}

function findMatching(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}

/**
 * A segment worth looking for: trimmed of spaces and punctuation, at least three letters. Shorter fragments
 * between placeholders (`of` in `Page {page} of {pages}`, `on`) say nothing about which language a page is in.
 */
function meaningful(segment: string): string | null {
  const trimmed = segment.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  return (trimmed.match(/\p{L}/gu)?.length ?? 0) >= 3 ? trimmed : null;
}

export type EnglishString = { key: string; text: string };

let cached: EnglishString[] | undefined;

/** English strings (placeholders removed) whose French counterpart differs. */
export function englishOnlyStrings(): EnglishString[] {
  if (cached) return cached;
  const en = leaves(readJson<Tree>('messages/en.json'));
  const fr = leaves(readJson<Tree>('messages/fr.json'));
  const pairs: { key: string; en: string; fr: string | undefined }[] = [...en].map(([key, text]) => ({ key, en: text, fr: fr.get(key) }));

  type Labelled = { key?: string; code?: string; slug?: string; en?: string; fr?: string; titleEn?: string; titleFr?: string };
  const taxonomy = readJson<Record<string, unknown>>('db/seed/taxonomy.json');
  for (const list of ['countries', 'keyPopulations', 'topics', 'organisationTypes', 'events']) {
    for (const item of (taxonomy[list] as Labelled[] | undefined) ?? []) {
      const english = item.en ?? item.titleEn;
      if (english) pairs.push({ key: `taxonomy.${list}.${item.key ?? item.code ?? item.slug}`, en: english, fr: item.fr ?? item.titleFr });
    }
  }

  // Words the French interface itself uses ("Public", "Type", "Sessions") prove nothing when seen on a page.
  const frenchCorpus = pairs.map((pair) => pair.fr ?? '').join('\n');
  const strings = new Map<string, EnglishString>();
  for (const pair of pairs) {
    if (pair.fr === undefined) throw new Error(`messages/fr.json has no "${pair.key}"`);
    if (pair.en === pair.fr) continue; // the same in both languages (names, "Sessions", "Organisations")
    const frenchSegments = new Set(literalSegments(pair.fr).map(meaningful));
    for (const segment of literalSegments(pair.en)) {
      const text = meaningful(segment);
      // A fragment shared with the French text (a brand name, an acronym) is not a leak.
      if (text && !frenchSegments.has(text) && !strings.has(text) && !containsWords(frenchCorpus, text)) strings.set(text, { key: pair.key, text });
    }
  }
  cached = [...strings.values()];
  return cached;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` occurs in `haystack` as whole words, case-sensitively, whitespace runs counting as one space. */
function containsWords(haystack: string, text: string): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text.replace(/\s+/g, ' '))}(?![\\p{L}\\p{N}])`, 'u');
  return pattern.test(haystack.replace(/\s+/g, ' '));
}

/** The English strings present in `visibleText`. */
export function findEnglish(visibleText: string): EnglishString[] {
  return englishOnlyStrings().filter(({ text }) => containsWords(visibleText, text));
}
