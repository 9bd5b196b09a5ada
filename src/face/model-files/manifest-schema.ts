/**
 * JSON Schema of models/manifest.json; models/manifest.ts validates the file against it on load.
 */
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const shape = { type: 'array', minItems: 1, items: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string' }] } };
const text = { type: 'string', minLength: 1 };
const numbers3 = { type: 'array', items: { type: 'number' }, minItems: 3, maxItems: 3 };

export const manifestSchema = {
  type: 'object',
  required: ['models'],
  properties: {
    $comment: { type: 'string' },
    models: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'file', 'role', 'build', 'source', 'sha256', 'input', 'output', 'license'],
        // An embedder says how faces are prepared for it and how its embeddings are compared.
        if: { properties: { role: { const: 'embedder' } } },
        then: { required: ['embedding'] },
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9-]+$' },
          file: { type: 'string', pattern: '^[A-Za-z0-9._-]+\\.onnx$' },
          role: { enum: ['detector', 'landmarks', 'embedder', 'presentation-attack'] },
          build: { enum: ['copy', 'prelu-split', 'dlib-resnet', 'landmarks68'] },
          description: text,
          source: {
            type: 'object',
            additionalProperties: false,
            required: ['package', 'version', 'files'],
            properties: {
              package: text,
              version: text,
              files: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['path', 'sha256'],
                  properties: { path: text, sha256 },
                },
              },
            },
          },
          sha256,
          input: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'shape', 'layout', 'colorOrder', 'mean', 'scale', 'preprocessing'],
            properties: {
              name: text,
              shape,
              layout: { enum: ['NCHW', 'NHWC'] },
              colorOrder: { enum: ['RGB'] },
              mean: numbers3,
              scale: { type: 'number', exclusiveMinimum: 0 },
              range: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
              preprocessing: { type: 'array', items: text, minItems: 1 },
            },
          },
          output: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'shape', 'meaning'],
              properties: { name: text, shape, meaning: text },
            },
          },
          embedding: {
            type: 'object',
            additionalProperties: false,
            required: ['alignment', 'metric', 'mirrorFusion'],
            properties: {
              alignment: {
                type: 'object',
                additionalProperties: false,
                required: ['template'],
                properties: {
                  template: { enum: ['dlib', 'arcface'] },
                  padding: { type: 'number', minimum: 0 },
                  points: { enum: ['landmarks', 'keypoints', 'combined'] },
                  supersample: { type: 'integer', minimum: 1 },
                },
              },
              metric: { enum: ['euclidean', 'cosine'] },
              mirrorFusion: { type: 'boolean' },
              margin: { type: 'number', minimum: 0 },
              liveness: {
                type: 'object',
                additionalProperties: false,
                required: ['sameFace', 'account'],
                properties: {
                  sameFace: bounds(['facing', 'turned']),
                  account: bounds(['facing', 'turned']),
                },
              },
              why: text,
            },
          },
          license: text,
          notes: { type: 'array', items: text },
        },
      },
    },
  },
} as const;

/** An object of the named positive distances (liveness identity bounds). */
function bounds(names: string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required: names,
    properties: Object.fromEntries(names.map((n) => [n, { type: 'number', exclusiveMinimum: 0 }])),
  } as const;
}
