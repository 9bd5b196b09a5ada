import { readFileSync } from 'node:fs';

/** The published JSON Schema (editors read the same file through the config's "$schema"). */
export const configSchema: object = JSON.parse(
  readFileSync(new URL('../../../src/config/facegate.config.schema.json', import.meta.url), 'utf8'),
);

/** The parts of a JSON Schema node that the reference and the environment variables read. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  discriminator?: { propertyName: string };
  title?: string;
  $ref?: string;
}

export const schemaRoot = configSchema as SchemaNode & { definitions: Record<string, SchemaNode> };

/** The node a `$ref` points at (only `#/definitions/NAME` is used), or the node itself. */
export function resolveRef(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  return schemaRoot.definitions[node.$ref.replace('#/definitions/', '')]!;
}

/**
 * The members an object may hold: its own properties and, for a choice of variants (storage), every
 * variant's; the object's own description of a member (the discriminator's enum) wins.
 */
export function membersOf(node: SchemaNode): Record<string, SchemaNode> {
  const variants = (node.oneOf ?? []).map((variant) => resolveRef(variant).properties ?? {});
  return Object.assign({}, ...variants, node.properties);
}
