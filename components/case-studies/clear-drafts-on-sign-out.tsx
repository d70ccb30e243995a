'use client';

import { useEffect } from 'react';
import { clearLocalDrafts } from './local-drafts';

/**
 * Mounted on the page sign-out lands on (`/sign-in?signedOut=…`): removes every unsent case-study copy
 * kept on this device. Members often share phones or use a colleague's; after signing out, nothing they
 * were writing should stay readable in the browser's storage. The price: text typed offline and never
 * sent is gone after sign-out, which the sign-out is asking for.
 */
export function ClearDraftsOnSignOut() {
  useEffect(() => {
    if (new URL(window.location.href).searchParams.has('signedOut')) clearLocalDrafts();
  }, []);
  return null;
}
