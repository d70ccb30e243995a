import fs from 'node:fs';

// Prints one plain closing line for the whole `npm test` run, from the two runners' JSON reports.
type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

const read = <T>(file: string): T | null => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : null);
const unit = read<VitestReport>('.test-data/reports/vitest.json');
const browser = read<PlaywrightReport>('.test-data/reports/playwright.json');
if (!unit || !browser) {
  process.stderr.write('test-summary: a report is missing; did both runners run?\n');
  process.exit(1);
}
const passed = unit.numPassedTests + browser.stats.expected + browser.stats.flaky;
const failed = unit.numFailedTests + browser.stats.unexpected;
const skipped = unit.numPendingTests + browser.stats.skipped;
process.stdout.write(`\nunit ${unit.numPassedTests} passed, browser ${browser.stats.expected + browser.stats.flaky} passed\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed ? 1 : 0);
