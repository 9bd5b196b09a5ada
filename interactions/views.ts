import { fileURLToPath } from 'node:url';
import pug from 'pug';

/** The pug views, compiled once at start; they live beside the sources, not in dist/. */
const viewsFolder = fileURLToPath(new URL('../../interactions/views/', import.meta.url));
export const publicFolder = fileURLToPath(new URL('../../interactions/public/', import.meta.url));

const names = ['login', 'enroll', 'consent', 'error', 'logout', 'logged-out'] as const;
export type ViewName = (typeof names)[number];

const templates = new Map(names.map((name) => [name, pug.compileFile(`${viewsFolder}${name}.pug`)]));

/** Renders a view; locals are HTML-escaped by pug except where a view says otherwise (`!{form}`). */
export function render(name: ViewName, locals: Record<string, unknown>): string {
  return templates.get(name)!(locals);
}
