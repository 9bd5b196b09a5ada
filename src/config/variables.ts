/**
 * Every setting's environment variable, derived from the JSON Schema so that a new setting gets one
 * without anyone writing it down: FACEGATE_ and the setting's path in capitals, each camelCase word
 * and each level split by _ (storage.keyPrefix is FACEGATE_STORAGE_KEY_PREFIX).
 */
import { membersOf, resolveRef, type SchemaNode, schemaRoot } from './schema.js';

export interface SettingVariable {
  name: string;
  /** The setting's keys from the top of the file: ['storage', 'url']. */
  path: string[];
  /** The schema of the setting's value, which says how the variable's text is read. */
  node: SchemaNode;
  /** It says which kind of object holds the others (storage.type), so it is applied before them. */
  discriminator: boolean;
}

/** Members of the file that are not settings. */
const notSettings = new Set(['$schema']);

export function settingVariables(): SettingVariable[] {
  const variables: SettingVariable[] = [];
  const walk = (path: string[], node: SchemaNode, discriminator: boolean) => {
    node = resolveRef(node);
    const members = Object.entries(membersOf(node));
    // A value with no named members (a string, a list, the clients, the scopes map, the embedder
    // that is a name or an object) is one variable.
    if (members.length === 0) variables.push({ name: variableName(path), path, node, discriminator });
    for (const [key, child] of members) walk([...path, key], child, node.discriminator?.propertyName === key);
  };
  for (const [key, node] of Object.entries(membersOf(schemaRoot))) if (!notSettings.has(key)) walk([key], node, false);
  return variables;
}

export function variableName(path: string[]): string {
  return `FACEGATE_${path.map((key) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('_')}`;
}

/** How a variable's text is read, for the reference: the schema's types, in words. */
export function howRead(node: SchemaNode): string {
  const types = typesOf(node);
  if (types.has('array') && !isObjectList(node)) return 'a JSON array, or values separated by commas';
  if (types.has('object') || types.has('array')) return types.has('string') ? 'a name, or JSON' : 'JSON';
  const words: Record<string, string> = {
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    string: 'text',
    null: 'null',
  };
  return [...types].map((type) => words[type] ?? type).join(', or ');
}

/**
 * The value a variable's text stands for, by the type the schema gives the setting: numbers,
 * true/false and null as JSON reads them, lists as JSON or comma-separated, objects as JSON.
 * Text that fits no type is kept as text, so the schema's check refuses it and names the variable.
 */
export function readVariable(text: string, node: SchemaNode): unknown {
  const types = typesOf(node);
  const trimmed = text.trim();
  if ((types.has('object') || types.has('array')) && /^[[{]/.test(trimmed)) return JSON.parse(trimmed);
  if (types.has('array') && !isObjectList(node)) {
    return trimmed.split(',').map((item) => readVariable(item.trim(), resolveRef(node.items ?? {})));
  }
  if (types.has('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (types.has('null') && trimmed === 'null') return null;
  if ((types.has('integer') || types.has('number')) && trimmed !== '' && Number.isFinite(Number(trimmed))) {
    return Number(trimmed);
  }
  return text;
}

/** The JSON types a node allows ('string' for an enum of names). */
function typesOf(node: SchemaNode): Set<string> {
  node = resolveRef(node);
  if (node.anyOf || node.oneOf) return new Set([...(node.anyOf ?? node.oneOf)!.flatMap((n) => [...typesOf(n)])]);
  if (node.enum || node.const !== undefined) return new Set(['string']);
  if (node.type === undefined) return new Set(['object']);
  return new Set(Array.isArray(node.type) ? node.type : [node.type]);
}

function isObjectList(node: SchemaNode): boolean {
  return typesOf(node.items ?? {}).has('object');
}
