import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// Capitals and digits that cannot be mistaken for one another on a screen or in a text message: no 0/O, no 1/I.
// 32 symbols, so `byte % 32` picks each with the same probability (5 bits per character).
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random code of `groups` groups of five characters joined by dashes (invite codes, recovery codes). */
export function generateReadableCode(groups: number): string {
  const characters = [...randomBytes(groups * 5)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return characters.match(/.{5}/g)!.join('-');
}

/** The stored form of such a code: SHA-256 of its letters and digits, so case, spaces and dashes do not matter. */
export function hashReadableCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[^A-Z0-9]/g, '')).digest('hex');
}
