// The attacks of the hostile-input journeys and the hostile world (tests/e2e/support/hostile-fixture.ts), apart
// so the browser tests can type them and look for them without loading the fixture's server code.

/** Short enough for a display name (60), carrying the attacks that matter in a name. */
export const hostileName = '<img src=x onerror=alert("name")>\u202E';
/** For titles (160) and one-line fields. */
export const hostileLine = '<script>alert("t")</script><svg onload=alert("s")>=HYPERLINK("http://evil.example","x")\u202Etxt.exe';
/** The attacks typed into real forms (tests/e2e/hostile-input.spec.ts) and stored in the hostile world. */
export const hostilePayloads = [
  '<script>alert("script")</script>',
  '"><img src=x onerror=alert("img")>',
  '<a href="javascript:alert(\'link\')">click</a>',
  '<iframe src="data:text/html,<script>alert(\'frame\')</script>"></iframe>',
  '<svg onload=alert("svg")><circle r=1 /></svg>',
  '<div style="background:url(javascript:alert(\'css\'))">x</div>',
  '=HYPERLINK("http://evil.example","open")',
  '\u202Etxt.exe',
];
/** For longer text: every attack, one per line. */
export const hostileText = hostilePayloads.join('\n');
