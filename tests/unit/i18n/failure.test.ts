import { createTranslator } from 'use-intl/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureMessage, type Translate } from '@/lib/actions/failure';
import { AppError } from '@/lib/errors';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

const translator = (locale: 'en' | 'fr') => createTranslator({ locale, messages: locale === 'en' ? en : fr }) as unknown as Translate;

describe('what a failed action tells the member', () => {
  afterEach(() => vi.restoreAllMocks());

  it('uses an AppError’s own message key when it names one, in the member’s language', () => {
    const error = new AppError('conflict', 'followUps.errors.alreadyInvited');
    expect(failureMessage(translator('en'), error, 'test')).toBe(en.followUps.errors.alreadyInvited);
    expect(failureMessage(translator('fr'), error, 'test')).toBe(fr.followUps.errors.alreadyInvited);
  });

  it('falls back to the code’s message for a message that is not a key, and hides unexpected errors', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(failureMessage(translator('en'), new AppError('conflict', 'row 12 changed under us'), 'test')).toBe(en.errors.conflict);
    expect(failureMessage(translator('en'), new AppError('not_found'), 'test')).toBe(en.errors.not_found);
    expect(failureMessage(translator('fr'), new Error('SQLITE_BUSY: database is locked'), 'test')).toBe(fr.errors.internal);
  });

  it('says plainly that the server is full, rather than "something went wrong"', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(failureMessage(translator('en'), full, 'test')).toBe(en.errors.storage_full);
    expect(failureMessage(translator('fr'), full, 'test')).toBe(fr.errors.storage_full);
  });
});
