/**
 * The quick-exit control: a real link to the neutral site, so it works without JavaScript. With JavaScript,
 * the guard script in <head> (exit-guard.ts) handles it from the first paint, before React hydrates: it leaves
 * without adding a history entry, and Escape pressed three times does the same from anywhere on the page.
 */
export function QuickExit({ url, label, hint }: { url: string; label: string; hint: string }) {
  return (
    <a href={url} rel="noreferrer noopener" referrerPolicy="no-referrer" title={hint} className="quick-exit" data-quick-exit="">
      {label}
    </a>
  );
}
