'use client';

import { hasLocalDrafts } from '@/components/case-studies/local-drafts';

/**
 * The header's sign-out button. Signing out clears unsent text kept on this device (phones are shared), so
 * when there is some, ask first rather than lose it silently.
 */
export function SignOutButton({ label, confirmUnsent }: { label: string; confirmUnsent: string }) {
  return (
    <button
      type="submit"
      className="link-button"
      onClick={(event) => {
        if (hasLocalDrafts() && !window.confirm(confirmUnsent)) event.preventDefault();
      }}
    >
      {label}
    </button>
  );
}
