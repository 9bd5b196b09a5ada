import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Dependencies point one way (README, Repository layout): the composition root (src/server/facegate.ts,
 * the CLI) -> interactions/ -> the services in src/ -> src/face/ and the store contract. src/ never
 * imports test/ or bench/; benches and tests may share code only through test/support/. These rules
 * are read from the source: every relative import and export-from of every .ts file.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const folders = ['src', 'bench', 'interactions', 'models', 'adapters', 'test', 'example-rp/server'];

interface Edge {
  /** The importing file and the imported one, relative to the repository, with / separators. */
  from: string;
  to: string;
}

function tsFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** `import ... from '…'`, `export ... from '…'`, `import '…'`, `import('…')` and `typeof import('…')`. */
const specifiers = /(?:\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/gm;

function importsOf(file: string): Edge[] {
  const source = readFileSync(join(root, file), 'utf8');
  return [...source.matchAll(specifiers)].map((match) => ({
    from: file,
    to: relative(root, resolve(dirname(join(root, file)), match[2]))
      .split('\\')
      .join('/')
      .replace(/\.js$/, '.ts'),
  }));
}

const edges = folders.flatMap(tsFiles).flatMap(importsOf);
const under = (path: string, ...prefixes: string[]) => prefixes.some((prefix) => path.startsWith(prefix));
const show = (found: Edge[]) => found.map((edge) => `${edge.from} -> ${edge.to}`);

describe('layers: which folder may import which', () => {
  it('reads the imports of every TypeScript file (the rules below are not vacuous)', () => {
    expect(edges.length).to.be.above(500);
    // An import on one line, a multi-line import list, an export-from and a type import are all seen.
    expect(edges).to.deep.include({ from: 'src/server/facegate.ts', to: 'interactions/router.ts' });
    expect(edges).to.deep.include({ from: 'bench/signin-browser.ts', to: 'test/support/facegate.ts' });
    expect(edges).to.deep.include({ from: 'test/helpers/face-fixtures.ts', to: 'src/eval/webcam-frame.ts' });
    expect(edges).to.deep.include({ from: 'bench/face/report.ts', to: 'test/support/latency-summary.ts' });
    for (const edge of edges)
      expect(edge.to, `${edge.from} imports ${edge.to}`).to.match(/^[a-z-]+(\/[\w.@-]+)*\.(ts|json)$/);
  });

  it('src/ never imports test/ or bench/', () => {
    expect(show(edges.filter((edge) => under(edge.from, 'src/') && under(edge.to, 'test/', 'bench/')))).to.deep.equal(
      [],
    );
  });

  it('src/ imports interactions/ only from the composition root (src/server/facegate.ts) and the CLI', () => {
    const allowed = (file: string) => file === 'src/server/facegate.ts' || under(file, 'src/cli/');
    expect(
      show(edges.filter((edge) => under(edge.from, 'src/') && !allowed(edge.from) && under(edge.to, 'interactions/'))),
    ).to.deep.equal([]);
  });

  it('benches import from test/ only the shared part, test/support/, which imports no other test code', () => {
    expect(
      show(
        edges.filter(
          (edge) => under(edge.from, 'bench/') && under(edge.to, 'test/') && !under(edge.to, 'test/support/'),
        ),
      ),
    ).to.deep.equal([]);
    expect(
      show(
        edges.filter(
          (edge) =>
            under(edge.from, 'test/support/') && under(edge.to, 'test/', 'bench/') && !under(edge.to, 'test/support/'),
        ),
      ),
    ).to.deep.equal([]);
  });

  it('the library (src/, interactions/, adapters/, models/) never imports the benches or the tests', () => {
    const library = ['src/', 'interactions/', 'adapters/', 'models/'];
    expect(
      show(edges.filter((edge) => under(edge.from, ...library) && under(edge.to, 'test/', 'bench/'))),
    ).to.deep.equal([]);
  });

  it('interactions/, src/oidc/ and the services of src/access/ do not import src/server/ (the composition root)', () => {
    expect(
      show(
        edges.filter(
          (edge) => under(edge.from, 'interactions/', 'src/oidc/', 'src/access/') && under(edge.to, 'src/server/'),
        ),
      ),
    ).to.deep.equal([]);
  });

  it('src/ imports from models/ only its data, never its code: what runs at serve time is under src/face/', () => {
    expect(
      show(edges.filter((edge) => under(edge.from, 'src/') && under(edge.to, 'models/') && edge.to.endsWith('.ts'))),
    ).to.deep.equal([]);
  });
});
