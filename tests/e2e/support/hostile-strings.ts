// The hostile world's attacks (tests/e2e/support/hostile-fixture.ts), apart so the browser tests can look for them.

/** Short enough for a display name (60), carrying the attacks that matter in a name. */
export const hostileName = '<img src=x onerror=alert("name")>\u202E';
/** For titles (160) and one-line fields. */
export const hostileLine = '<script>alert("t")</script><svg onload=alert("s")>=HYPERLINK("http://evil.example","x")\u202Etxt.exe';
/** For longer text: every attack of the browser journey's list, one per line. */
export const hostileText = [
  '<script>alert("script")</script>',
  '"><img src=x onerror=alert("img")>',
  '<a href="javascript:alert(\'link\')">click</a>',
  '<iframe src="data:text/html,<script>alert(\'frame\')</script>"></iframe>',
  '<svg onload=alert("svg")><circle r=1 /></svg>',
  '<div style="background:url(javascript:alert(\'css\'))">x</div>',
  '=HYPERLINK("http://evil.example","open")',
  '\u202Etxt.exe',
].join('\n');
