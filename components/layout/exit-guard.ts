/** Set in sessionStorage by the quick exit; read by the guard script below. */
export const exitFlag = 'baraza-exited';

/**
 * Runs inline in <head> (with the CSP nonce), so the quick exit works from the first paint: before React
 * hydrates, which on a slow connection can take seconds, a click on the link would otherwise be a plain
 * navigation that Back undoes.
 * - Leaving: a click on the `[data-quick-exit]` link, or Escape pressed three times within two seconds,
 *   hides the page, remembers the exit for this tab and replaces the history entry with the neutral site.
 * - After a quick exit, Back or a restored tab must not show the site again: a back/forward load in this tab
 *   goes straight to the neutral site. A fresh visit (typed or linked) clears the flag.
 */
export function exitGuardScript(url: string): string {
  // `<` escaped so that no configured URL can close the inline script.
  const target = JSON.stringify(url).replace(/</g, '\\u003c');
  return `(function(){var k=${JSON.stringify(exitFlag)};function go(){document.documentElement.style.visibility='hidden';document.title='';location.replace(${target});}function leave(){try{sessionStorage.setItem(k,'1');}catch(e){}go();}try{if(sessionStorage.getItem(k)){var n=performance.getEntriesByType('navigation')[0];if(n&&n.type==='back_forward'){go();}else{sessionStorage.removeItem(k);}}addEventListener('pageshow',function(e){if(e.persisted&&sessionStorage.getItem(k))go();});}catch(e){}document.addEventListener('click',function(e){var t=e.target;if(t&&t.closest&&t.closest('a[data-quick-exit]')){e.preventDefault();leave();}},true);var p=[];addEventListener('keydown',function(e){if(e.key!=='Escape')return;var now=Date.now();p=p.filter(function(x){return now-x<2000;});p.push(now);if(p.length>=3)leave();},true);})();`;
}
