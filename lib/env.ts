import 'server-only';
import path from 'node:path';
import { z } from 'zod';

// Server configuration, checked once. scripts/serve.ts fills in embedded defaults (generated secrets,
// the spawned Meilisearch) before Next starts, so a missing value here is a real misconfiguration.
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATA_DIR: z.string().default('data'),
  DATABASE_PATH: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  QUICK_EXIT_URL: z.string().url().default('https://www.bbc.com/weather'),
  // Behind a reverse proxy that sets X-Forwarded-For, rate limits per address use it; otherwise
  // the header is client-controlled and ignored.
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // Email. Without SMTP_URL every message is written as an .eml file under $DATA_DIR/mail (demo, development).
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'SMTP_URL must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Baraza <no-reply@baraza.invalid>'),
  // The site's public origin, for links in emails (which have no request to take it from).
  APP_URL: z.string().url().optional(),
  PORT: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema> & { databasePath: string; appUrl: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.parse(process.env);
  cached = {
    ...parsed,
    databasePath: parsed.DATABASE_PATH ?? path.join(parsed.DATA_DIR, 'baraza.db'),
    appUrl: (parsed.APP_URL ?? `http://localhost:${parsed.PORT ?? 3000}`).replace(/\/+$/, ''),
  };
  return cached;
}
