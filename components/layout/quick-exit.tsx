'use client';

import { useEffect } from 'react';

export const exitFlag = 'baraza-exited';

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

/**
 * Runs before the page paints (inline, with the CSP nonce). After a quick exit, Back or a restored tab must
 * not show the site again: a back/forward load in this tab goes straight to the neutral site. A fresh visit
 * (typed or linked) clears the flag.
 */
export function exitGuardScript(url: string): string {
  const target = JSON.stringify(url);
  return `(function(){var k=${JSON.stringify(exitFlag)};function go(){document.documentElement.style.visibility='hidden';location.replace(${target});}try{if(sessionStorage.getItem(k)){var n=performance.getEntriesByType('navigation')[0];if(n&&n.type==='back_forward'){go();}else{sessionStorage.removeItem(k);}}addEventListener('pageshow',function(e){if(e.persisted&&sessionStorage.getItem(k))go();});}catch(e){}})();`;
}
