import { defineConfig, devices } from '@playwright/test';
import { e2eOrigin, e2ePort, leakMeiliPort, leakOrigin, leakPort, neutralUrl } from './tests/e2e/support/env';

/** A real server for the journeys: one of the start scripts in tests/e2e/support, on its own ports. */
function server(script: string, origin: string, port: number, meiliPort: number) {
  return {
    command: `npx tsx --conditions=react-server tests/e2e/support/${script}`,
    url: `${origin}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
    env: { PORT: String(port), MEILI_PORT: String(meiliPort), QUICK_EXIT_URL: neutralUrl, NEXT_TELEMETRY_DISABLED: '1' },
  };
}

// Browser journeys against the built app (`next build` first: `npm run test:e2e`), a real SQLite file and a
// real Meilisearch child process, in the system Chromium (`npx playwright install` cannot work here).
export default defineConfig({
  testDir: 'tests/e2e',
  // One folder per server port, so runs side by side (E2E_PORT) do not delete each other's traces.
  outputDir: e2ePort === 3100 ? 'test-results' : `test-results-${e2ePort}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // Two cores, shared with the Next server and Meilisearch.
  workers: 2,
  retries: 0,
  // The JSON report feeds the closing summary line of `npm test` (scripts/test-summary.ts).
  reporter: [['list'], ['json', { outputFile: e2ePort === 3100 ? '.test-data/reports/playwright.json' : `.test-data/reports/playwright-${e2ePort}.json` }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: e2eOrigin,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: [
    // Deletes and re-seeds the data folder (tests/e2e/support/env.ts), then runs scripts/serve.ts --demo.
    server('server.ts', e2eOrigin, e2ePort, Number(process.env.E2E_MEILI_PORT ?? 7710)),
    // The leak crawl's world: only its fixture, on its own ports and data folder (tests/e2e/leak-crawl.spec.ts).
    server('leak-server.ts', leakOrigin, leakPort, leakMeiliPort),
  ],
});
