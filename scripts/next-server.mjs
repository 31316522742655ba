// Runs Next.js in this process behind a plain Node HTTP server, so the app learns each client's
// real address. `next start` only fills X-Forwarded-For from the socket when a request has none,
// so a client that sends its own header chooses the address the per-client sign-in limit counts
// (issue 14, item 17). This server writes the socket's address into CLIENT_ADDRESS_HEADER on
// every request, replacing anything the client sent under that name, and tells the app (through
// the environment, which clients cannot reach) that the header is ours: lib/server/auth/client-address.ts.
//
// Usage: node scripts/next-server.mjs [-p PORT] [-H HOST]   (scripts/start.mjs and scripts/serve-e2e.mjs call it)
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_ADDRESS_HEADER = 'x-groundwork-client-address';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main() {
  const dev = false;
  const port = Number(arg('-p') ?? process.env.PORT ?? 3000);
  const hostname = arg('-H'); // default: every interface, as `next start`
  process.env.GROUNDWORK_CLIENT_ADDRESS_HEADER = CLIENT_ADDRESS_HEADER;
  process.env.NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev, dir: root, port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    // IPv4 clients of a dual-stack socket show as "::ffff:1.2.3.4"; count them as 1.2.3.4.
    const address = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`   ▲ Next.js production server on http://${hostname ?? 'localhost'}:${port}`));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close();
      void app.close?.().finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
