/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Math.random would make every run
 * a different network, and then two runs' numbers could not be compared.
 */
export type Random = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(values: readonly T[]) => T;
  /** `count` distinct values (fewer if the list is shorter), in random order. */
  sample: <T>(values: readonly T[], count: number) => T[];
  /** A value drawn by weight: `weighted([['public', 45], ['members', 35]])`. */
  weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
  /** Lower-case letters only, so Meilisearch keeps the token as one word. */
  letters: (length: number) => string;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => {
    if (!values.length) throw new Error('pick from an empty list');
    return values[Math.floor(next() * values.length)]!;
  };
  const sample = <T>(values: readonly T[], count: number): T[] => {
    const copy = [...values];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy.slice(0, Math.max(0, count));
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = next() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries[entries.length - 1]![0];
  };
  const letters = (length: number) => Array.from({ length }, () => String.fromCharCode(97 + int(0, 25))).join('');
  return { next, int, chance: (probability) => next() < probability, pick, sample, weighted, letters };
}
