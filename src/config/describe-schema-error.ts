import type { ErrorObject } from 'ajv';

/**
 * One schema violation as a sentence that says what to do; the location is said by the caller.
 * hideValue: say "the value" rather than echo it (it may be a secret).
 */
export function describeSchemaError(error: ErrorObject, hideValue = false): string {
  const params = error.params as Record<string, unknown>;
  const value = hideValue ? 'the value' : JSON.stringify(error.data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `unknown key "${String(params.additionalProperty)}": remove it or correct its spelling (allowed here: ${allowed.join(', ')})`;
    }
    case 'required':
      return `"${String(params.missingProperty)}" is missing: add it`;
    case 'enum':
      return `${value} is not allowed: use one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return `${value} is not valid: ${description ?? `it must match ${String(params.pattern)}`}`;
    }
    case 'discriminator':
      return `"type" must be "sqlite", "redis" or "postgres"`;
    default:
      return `${value} is not valid: it ${error.message ?? 'does not match the schema'}`;
  }
}
