import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Principal } from '../../shared/auth/principal.ts';
import { webAppContentSecurityPolicy } from '../web-app-policy.ts';
import { sendJson } from './http-gateway.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  // Utrecht's typeface (Noto Sans), bundled by Vite.
  '.woff2': 'font/woff2',
};

/** The file a URL path names below the root; undefined when its %-encoding is malformed (`%E0%A4%A`). */
function relativePath(pathname: string): string | undefined {
  try {
    return normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  } catch {
    return undefined;
  }
}

/**
 * Serves the built web app (web/dist) at `/`, and `/config.json` telling it to use this runtime's
 * API and the local demo tokens (on AWS the stack writes a config.json for Cognito instead).
 */
export function createStaticWebApp(root: string, principals: readonly Principal[]) {
  const config = {
    mode: 'local',
    apiUrl: '',
    principals: principals.map(({ id, role, scope }) => ({ token: id, role, scope })),
  };

  return function serve(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (url.pathname === '/config.json') {
      sendJson(response, 200, config);
      return true;
    }
    const relative = url.pathname === '/' ? 'index.html' : relativePath(url.pathname);
    // Not a file of the app: the runtime answers 404 route-not-found.
    if (relative === undefined || relative.startsWith('..')) return false;
    const file = join(root, relative);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
      if (url.pathname !== '/') return false;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html lang="nl"><title>Buurtsignaal</title><p>De web-app is nog niet gebouwd: <code>npm run build:web</code>.</p></html>',
      );
      return true;
    }
    // Read before the status line goes out, so a file that cannot be read still gets an answer (a 500).
    const content = request.method === 'HEAD' ? undefined : readFileSync(file);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Hashed assets may be cached; the page itself and its config not.
      'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      // The policy CloudFront sends (infra/constructs/web-hosting.ts), so local use shows what it blocks.
      'content-security-policy': webAppContentSecurityPolicy(),
    });
    response.end(content);
    return true;
  };
}
