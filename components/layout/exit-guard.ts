/** Set in sessionStorage by the quick exit; read by the guard script below. */
export const exitFlag = 'baraza-exited';

/**
 * Runs before the page paints (inline, with the CSP nonce). After a quick exit, Back or a restored tab must
 * not show the site again: a back/forward load in this tab goes straight to the neutral site. A fresh visit
 * (typed or linked) clears the flag.
 */
export function exitGuardScript(url: string): string {
  const target = JSON.stringify(url);
  return `(function(){var k=${JSON.stringify(exitFlag)};function go(){document.documentElement.style.visibility='hidden';location.replace(${target});}try{if(sessionStorage.getItem(k)){var n=performance.getEntriesByType('navigation')[0];if(n&&n.type==='back_forward'){go();}else{sessionStorage.removeItem(k);}}addEventListener('pageshow',function(e){if(e.persisted&&sessionStorage.getItem(k))go();});}catch(e){}})();`;
}
