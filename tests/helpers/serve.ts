import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 at a random port, as a static host
 * would: `/dir/` is `dir/index.html`, `/dir` redirects to `/dir/`, and a
 * missing file gets `404.html` (when the site has one) with status 404.
 * `folderRedirects: false` is a host that does not add the slash (the
 * folder is a 404 there).
 */
export async function serveStatic(root: string, { folderRedirects = true } = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      res.writeHead(403).end();
      return;
    }
    const send = (target: string, status = 200) => {
      res.writeHead(status, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' });
      createReadStream(target).pipe(res);
    };
    const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
    if (isFile(file)) return send(file);
    if (existsSync(file) && statSync(file).isDirectory() && (folderRedirects || url.pathname.endsWith('/'))) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
        return;
      }
      const index = join(file, 'index.html');
      if (isFile(index)) return send(index);
    }
    const notFound = join(root, '404.html');
    if (isFile(notFound)) return send(notFound, 404);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
