/**
 * Unsent section text kept on this device, so a dropped connection, a closed tab or a flat battery never
 * loses what a member typed. A copy lives only until the server acknowledges that exact text: on a shared
 * or seized phone, what is left on the device should be as little as possible.
 */
export type LocalDraft = { content: unknown; baseVersion: number; savedAt: number };

const prefix = 'baraza-draft:';

const draftKey = (caseStudyId: string, sectionKey: string) => `${prefix}${caseStudyId}:${sectionKey}`;

// localStorage can be missing or refuse writes (private browsing, quota, blocked storage): the editor
// still works then, only without the device copy.
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readLocalDraft(caseStudyId: string, sectionKey: string): LocalDraft | null {
  try {
    const raw = storage()?.getItem(draftKey(caseStudyId, sectionKey));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<LocalDraft>;
    return typeof draft.baseVersion === 'number' && draft.content && typeof draft.content === 'object' ? (draft as LocalDraft) : null;
  } catch {
    return null;
  }
}

/** Returns false when the device refused to keep the copy. */
export function writeLocalDraft(caseStudyId: string, sectionKey: string, draft: LocalDraft): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(draftKey(caseStudyId, sectionKey), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(caseStudyId: string, sectionKey: string): void {
  try {
    storage()?.removeItem(draftKey(caseStudyId, sectionKey));
  } catch {
    // Nothing to do: the copy is either gone or was never kept.
  }
}

function localDraftKeys(store: Storage): string[] {
  return Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key): key is string => key?.startsWith(prefix) ?? false);
}

/** Whether any section text on this device has not reached the server yet. */
export function hasLocalDrafts(): boolean {
  const store = storage();
  try {
    return !!store && localDraftKeys(store).length > 0;
  } catch {
    return false;
  }
}

/** Removes every unsent copy on this device (at sign-out: phones are often shared). */
export function clearLocalDrafts(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const key of localDraftKeys(store)) store.removeItem(key);
  } catch {
    // Storage became unavailable: nothing more can be removed from here.
  }
}
