import { createServer } from 'node:http';
import next from 'next';

// The HTTP server in front of Next. Next keeps a client-sent X-Forwarded-For as it is, so unless we sit
// behind a trusted reverse proxy, overwrite it with the socket address: per-address rate limits rely on it.
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const trustProxy = process.env.TRUST_PROXY === 'true';

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();

app.prepare().then(() => {
  createServer((request, response) => {
    if (!trustProxy) request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
    void handle(request, response);
  }).listen(port, hostname, () => {
    process.stdout.write(`Baraza listening on http://localhost:${port}\n`);
  });
});
