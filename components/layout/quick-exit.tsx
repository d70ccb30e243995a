'use client';

import { useEffect } from 'react';

import { exitFlag } from './exit-guard';

/** Hides the page at once, remembers the exit for this tab, and replaces the history entry. */
function leave(url: string) {
  try {
    sessionStorage.setItem(exitFlag, '1');
  } catch {
    // Private modes may refuse storage; leaving matters more than remembering.
  }
  document.documentElement.style.visibility = 'hidden';
  document.title = '';
  window.location.replace(url);
}

/**
 * The quick-exit control: a real link (it works without JavaScript) that, with JavaScript, leaves without
 * adding a history entry. Escape pressed three times within two seconds does the same from anywhere.
 */
export function QuickExit({ url, label, hint }: { url: string; label: string; hint: string }) {
  useEffect(() => {
    let presses: number[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = Date.now();
      presses = [...presses.filter((time) => now - time < 2000), now];
      if (presses.length >= 3) leave(url);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [url]);

  return (
    <a
      href={url}
      rel="noreferrer noopener"
      referrerPolicy="no-referrer"
      title={hint}
      onClick={(event) => {
        event.preventDefault();
        leave(url);
      }}
      className="quick-exit"
    >
      {label}
    </a>
  );
}
