import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { getEnv } from '@/lib/env';

// RFC 6238 with the parameters every authenticator app understands: 30-second steps, 6 digits, HMAC-SHA-1.
const period = 30;
const digits = 6;
const algorithm = 'SHA1';

/**
 * The issuer and label an authenticator app shows. Deliberately neither the username (half of the sign-in)
 * nor the email: whoever looks through a member's phone learns no more than the app's name, and the help text
 * tells members they may rename the entry to something neutral.
 */
const issuer = 'Baraza';

/** A new shared secret: 160 random bits (RFC 4226's recommended length), as base32 for apps and for typing. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(base32Secret: string): TOTP {
  return new TOTP({ issuer, label: issuer, secret: Secret.fromBase32(base32Secret), algorithm, digits, period });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(base32Secret: string): string {
  return totpFor(base32Secret).toString();
}

/**
 * The QR code as an SVG element, rendered here so the page embeds it inline: an inline <svg> is part of the
 * document (no image request, nothing for the Content-Security-Policy's img-src to allow), and qrcode's SVG
 * carries only paths with fill and stroke attributes, no style attribute the CSP would block.
 */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 208 });
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupSecret(base32Secret: string): string {
  return base32Secret.match(/.{1,4}/g)!.join(' ');
}

export function timeStepAt(now: number): number {
  return TOTP.counter({ period, timestamp: now });
}

/**
 * The time step whose code this is, accepting the step before and after the current one (a phone's clock a
 * little off, a code typed as it changed), or null. Whether that step was already used is the caller's check.
 */
export function matchingTimeStep(base32Secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(base32Secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : timeStepAt(now) + delta;
}

/** The code for the time step containing `now`; for tests and the demo, never shown by the app. */
export function codeAt(base32Secret: string, now: number): string {
  return totpFor(base32Secret).generate({ timestamp: now });
}

/**
 * Encryption for what the server must be able to read back but no copy of the database should reveal: TOTP
 * secrets (they cannot be hashed: the server computes codes from them). AES-256-GCM under a key derived from
 * AUTH_SECRET, which lives outside the database and its backups; `context` (the account id) is authenticated
 * too, so a secret copied onto another account's row does not decrypt.
 */
function sealingKey(): Buffer {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is required to encrypt two-factor secrets');
  return createHmac('sha256', secret).update('baraza:two-factor-seal:v1').digest();
}

export function seal(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** The plaintext, or null when the value was not sealed by this server for this context (or AUTH_SECRET changed). */
export function unseal(sealed: string, context: string): string | null {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext || rest.length) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
