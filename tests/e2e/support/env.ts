import path from 'node:path';

// Shared by playwright.config.ts, the server script and the fixtures. One origin everywhere:
// `localhost`, never 127.0.0.1 mixed in (Auth.js rejects the CSRF cookie across origins).
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eOrigin = `http://localhost:${e2ePort}`;
export const e2eDataDir = path.resolve(process.env.E2E_DATA_DIR ?? '.test-data/e2e');
/** The quick exit's neutral site in tests; every request to it is answered by a stub inside the browser. */
export const neutralOrigin = 'https://neutral.example';
export const neutralUrl = `${neutralOrigin}/weather`;

// The leak crawl's own server (tests/e2e/leak-crawl.spec.ts): its world must not mix with the demo journeys'.
export const leakPort = e2ePort + 50;
export const leakOrigin = `http://localhost:${leakPort}`;
export const leakMeiliPort = Number(process.env.E2E_MEILI_PORT ?? 7710) + 50;
export const leakDataDir = `${e2eDataDir}-leak`;
