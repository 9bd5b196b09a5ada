import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FaceTemplateRecord, GalleryChange, TemplateStore, TemplateUsage } from '../contract.js';
import { embeddingFromBytes, embeddingToBytes } from '../embedding.js';
import { AccountNotFoundError } from '../errors.js';
import { guard } from './connection.js';
import type { RedisGalleryChanges } from './gallery-changes.js';

// KEYS: account hash, the account's template set, the model's template set, revision.
// ARGV: key prefix, model, replace ("1" or "0"), createdAt, account id, gallery channel, change,
// then (id, embedding bytes) pairs.
// One script, so the replacement and the additions are seen together or not at all.
const addScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('ACCOUNT_NOT_FOUND') end
if ARGV[3] == '1' then
  for _, tid in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    local tkey = ARGV[1] .. 'template:' .. tid
    if redis.call('HGET', tkey, 'model') == ARGV[2] then
      redis.call('DEL', tkey)
      redis.call('SREM', KEYS[2], tid)
      redis.call('SREM', KEYS[3], tid)
    end
  end
end
for i = 8, #ARGV, 2 do
  redis.call('HSET', ARGV[1] .. 'template:' .. ARGV[i],
    'accountId', ARGV[5], 'model', ARGV[2], 'createdAt', ARGV[4], 'embedding', ARGV[i + 1])
  redis.call('SADD', KEYS[2], ARGV[i])
  redis.call('SADD', KEYS[3], ARGV[i])
end
redis.call('PUBLISH', ARGV[6], ARGV[7])
return redis.call('INCR', KEYS[4])`;

// KEYS: a model's or an account's template set, revision. ARGV: key prefix, gallery channel,
// change, then the template field naming the other set each template is in (`accountId` or
// `model`) and that set's key before the name. Every template of the set, out of the other set
// too, in one script.
const removeSetScript = `
local removed = 0
for _, tid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local tkey = ARGV[1] .. 'template:' .. tid
  local other = redis.call('HGET', tkey, ARGV[4])
  if other then redis.call('SREM', ARGV[1] .. ARGV[5] .. other, tid) end
  redis.call('DEL', tkey)
  removed = removed + 1
end
redis.call('DEL', KEYS[1])
if removed > 0 then
  redis.call('INCR', KEYS[2])
  redis.call('PUBLISH', ARGV[2], ARGV[3])
end
return removed`;

/** A key prefix as a SCAN pattern that matches it literally. */
const globLiteral = (text: string) => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

export function redisTemplates(redis: Redis, prefix: string, changes: RedisGalleryChanges): TemplateStore {
  const revision = `${prefix}revision`;

  const readAll = async (ids: string[]): Promise<FaceTemplateRecord[]> => {
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hgetallBuffer(`${prefix}template:${id}`);
    const results = (await pipeline.exec()) ?? [];
    const records: FaceTemplateRecord[] = [];
    results.forEach(([error, value], i) => {
      if (error) throw error;
      const fields = value as Record<string, Buffer>;
      // A template removed between the set read and this read is simply gone.
      if (!fields.embedding) return;
      records.push({
        id: ids[i],
        accountId: fields.accountId!.toString(),
        model: fields.model!.toString(),
        embedding: embeddingFromBytes(fields.embedding),
        createdAt: Number(fields.createdAt!.toString()),
      });
    });
    return records.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  };

  /** Every template of one set (a model's or an account's), out of the other set each is in too. */
  const removeSet = (set: string, [field, otherSet]: [string, string], change: GalleryChange) =>
    guard(async () => {
      const removed = Number(
        await redis.eval(
          removeSetScript,
          2,
          set,
          revision,
          prefix,
          changes.channel,
          JSON.stringify(change),
          field,
          otherSet,
        ),
      );
      return removed > 0 ? changes.committed(change, removed) : 0;
    });

  return {
    add: (accountId, model, embeddings, opts = {}) =>
      guard(
        async () => {
          const createdAt = Date.now();
          const records = embeddings.map((embedding) => ({ id: randomUUID(), accountId, model, embedding, createdAt }));
          const pairs = records.flatMap((record) => [record.id, embeddingToBytes(record.embedding)]);
          await redis.eval(
            addScript,
            4,
            `${prefix}account:${accountId}`,
            `${prefix}templates:account:${accountId}`,
            `${prefix}templates:model:${model}`,
            revision,
            prefix,
            model,
            opts.replace ? '1' : '0',
            createdAt,
            accountId,
            changes.channel,
            JSON.stringify({ account: accountId }),
            ...pairs,
          );
          return changes.committed({ account: accountId }, records);
        },
        { ACCOUNT_NOT_FOUND: () => new AccountNotFoundError(accountId) },
      ),
    list: (model) => guard(async () => readAll(await redis.smembers(`${prefix}templates:model:${model}`))),
    listForAccount: (accountId) =>
      guard(async () => readAll(await redis.smembers(`${prefix}templates:account:${accountId}`))),
    // The models are the per-model sets that exist (none is listed anywhere else, in stores of
    // earlier versions either); their templates are read without the embeddings.
    usage: () =>
      guard(async () => {
        const modelSet = `${prefix}templates:model:`;
        const models: string[] = [];
        for await (const keys of redis.scanStream({ match: `${globLiteral(modelSet)}*`, count: 500 }) as AsyncIterable<
          string[]
        >) {
          models.push(...keys.map((key) => key.slice(modelSet.length)));
        }
        const usage = new Map<string, TemplateUsage>();
        for (const model of models) {
          const ids = await redis.smembers(`${modelSet}${model}`);
          const pipeline = redis.pipeline();
          for (const id of ids) pipeline.hmget(`${prefix}template:${id}`, 'accountId', 'createdAt');
          for (const [error, value] of (await pipeline.exec()) ?? []) {
            if (error) throw error;
            const [accountId, createdAt] = value as (string | null)[];
            if (!accountId) continue;
            const key = `${accountId}\u0000${model}`;
            const row = usage.get(key) ?? { accountId, model, templates: 0, newest: 0 };
            row.templates++;
            row.newest = Math.max(row.newest, Number(createdAt));
            usage.set(key, row);
          }
        }
        const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
        return [...usage.values()].sort((a, b) => order(a.accountId, b.accountId) || order(a.model, b.model));
      }),
    removeForAccount: (accountId) =>
      removeSet(`${prefix}templates:account:${accountId}`, ['model', 'templates:model:'], { account: accountId }),
    removeModel: (model) =>
      removeSet(`${prefix}templates:model:${model}`, ['accountId', 'templates:account:'], { all: true }),
    revision: () => guard(async () => Number((await redis.get(revision)) ?? 0)),
    follow: (listener) => changes.follow(listener),
  };
}
