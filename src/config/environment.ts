/**
 * Values of the configuration that come from environment variables, as containers and secret stores
 * hand them over: `${NAME}` references inside the file's strings, and a variable per setting
 * (src/config/variables.ts) that overrides the file. Each value taken from a variable is recorded
 * by its place (a JSON pointer), so that an error about it names the variable and never echoes it.
 */
import { ConfigError } from './errors.js';
import { membersOf, resolveRef, type SchemaNode, schemaRoot } from './schema.js';
import { readVariable, settingVariables } from './variables.js';

/** The variable a value came from, and whether the file referred to it or it overrode the file. */
export interface Origin {
  variable: string;
  reference: boolean;
}

/** JSON pointer of a value -> the variable it came from. */
export type Origins = Map<string, Origin>;

const reference = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${NAME}` in every string of the file by the variable's value (`$${NAME}` is the text
 * `${NAME}`). A string that is one reference and nothing else takes the type of its setting, so
 * `"port": "${PORT}"` is a number.
 */
export function expandReferences(data: unknown, file: string, env: NodeJS.ProcessEnv, origins: Origins): unknown {
  const expand = (value: unknown, path: string[], node: SchemaNode | undefined): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => expand(item, [...path, String(i)], node?.items));
    if (isObject(value)) {
      const members = node ? membersOf(resolveRef(node)) : {};
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, expand(item, [...path, key], members[key])]),
      );
    }
    if (typeof value !== 'string') return value;
    const names = [...value.matchAll(reference)].filter((m) => !m[1]).map((m) => m[2]!);
    for (const name of names) {
      if (env[name] === undefined) {
        throw new ConfigError(
          'config_variable_missing',
          file,
          `${pointerOf(path)} (\${${name}})`,
          `the environment variable ${name} is not set: set it, or write the value in the file`,
        );
      }
    }
    if (names.length > 0) origins.set(pointerOf(path), { variable: names.join(', '), reference: true });
    const whole = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(value);
    if (whole && node) return readVariable(env[whole[1]!]!, node);
    return value.replace(reference, (text, escaped: string, name: string) => (escaped ? text.slice(1) : env[name]!));
  };
  return expand(data, [], schemaRoot);
}

/** Sets each setting whose variable is set (and not empty) over what the file says. */
export function applyEnvironment(data: unknown, file: string, env: NodeJS.ProcessEnv, origins: Origins): unknown {
  const root = isObject(data) ? data : {};
  // A variable that changes the kind of an object (FACEGATE_STORAGE_TYPE) goes first: it clears
  // the file's fields of the other kind, and must not clear those set by the other variables.
  const variables = settingVariables().sort((a, b) => Number(b.discriminator) - Number(a.discriminator));
  for (const { name, path, node, discriminator } of variables) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    let value: unknown;
    try {
      value = readVariable(text, node);
    } catch {
      throw new ConfigError(
        'config_variable_invalid',
        file,
        pointerOf(path),
        'is not valid JSON: write the value as JSON, as it would be in the file',
        `environment variable ${name} (setting ${pointerOf(path)})`,
      );
    }
    const parent = parentOf(root, path);
    const key = path.at(-1)!;
    if (discriminator && parent[key] !== value) for (const other of Object.keys(parent)) delete parent[other];
    parent[key] = value;
    origins.set(pointerOf(path), { variable: name, reference: false });
  }
  return root;
}

/** The object that holds a setting, made where the file has none: from the schema's default, else empty. */
function parentOf(root: Record<string, unknown>, path: string[]): Record<string, unknown> {
  let parent = root;
  let node: SchemaNode = schemaRoot;
  for (const key of path.slice(0, -1)) {
    node = resolveRef(membersOf(resolveRef(node))[key]!);
    if (!isObject(parent[key])) parent[key] = isObject(node.default) ? structuredClone(node.default) : {};
    parent = parent[key] as Record<string, unknown>;
  }
  return parent;
}

/** The variable a value at this place came from: its own, or that of an object or list it is in. */
export function originOf(origins: Origins, pointer: string): Origin | undefined {
  for (let place = pointer; ; place = place.slice(0, place.lastIndexOf('/'))) {
    const origin = origins.get(place);
    if (origin || place === '') return origin;
  }
}

export function pointerOf(path: string[]): string {
  return path.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
