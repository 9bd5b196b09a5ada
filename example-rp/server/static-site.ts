import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export interface SiteFile {
  body: Buffer;
  type: string;
  /** Vite's hashed file names never change content: browsers may keep them for good. */
  immutable: boolean;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The built app, read into memory once at start (it is a few hundred kilobytes): a request can
 * only ever name one of these files, so no path is built from a URL.
 */
export class StaticSite {
  private readonly files = new Map<string, SiteFile>();

  constructor(root: string) {
    for (const file of filesUnder(root)) {
      const type = types[extname(file)];
      if (!type) continue;
      const path = `/${relative(root, file).split(sep).join('/')}`;
      this.files.set(path, { body: readFileSync(file), type, immutable: path.startsWith('/assets/') });
    }
    if (!this.files.has('/index.html')) throw new Error(`${root} holds no index.html: build the example RP first`);
  }

  /**
   * The file for a URL path: the file itself; index.html for an app route (the SPA fallback, so
   * /protected and /callback load the app); undefined for a missing file, which is a 404 rather
   * than an HTML page the browser would try to run as a script.
   */
  resolve(path: string): SiteFile | undefined {
    const file = this.files.get(path);
    if (file) return file;
    return looksLikeFile(path) ? undefined : this.files.get('/index.html');
  }
}

/** /assets/... and any path whose last segment has an extension name a file, not an app route. */
function looksLikeFile(path: string): boolean {
  return path.startsWith('/assets/') || /\.[^/]*$/.test(path);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}
