import type { Redis } from 'ioredis';
import type { AuditEvent, AuditStore } from '../contract.js';
import type { AuditRetention } from '../audit-retention.js';
import { guard } from './connection.js';

// KEYS: the event set, the sequence. ARGV: at, event JSON, the oldest `at` kept, the most events kept.
// One script, so an event is appended and the trail trimmed together or not at all. The member
// starts with a zero-padded sequence number: identical events stay distinct, and events of the same
// millisecond sort in the order they were appended.
const appendScript = `
local seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], ARGV[1], string.format('%016d', seq) .. ':' .. ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[4]) - 1)`;

/** The trail is one sorted set scored by `at`, trimmed by age and by count on every append. */
export function redisAudit(redis: Redis, prefix: string, retention: AuditRetention): AuditStore {
  const events = `${prefix}audit:events`;
  const sequence = `${prefix}audit:seq`;
  const read = (member: string) => JSON.parse(member.slice(member.indexOf(':') + 1)) as AuditEvent;

  return {
    append: (event) => guard(async () => {
      await redis.eval(appendScript, 2, events, sequence,
        event.at, JSON.stringify(event), Date.now() - retention.maxAgeMs, retention.maxEvents);
    }),
    recent: (limit) => guard(async () => {
      if (!(limit >= 1)) return [];
      const members = await redis.zrevrangebyscore(events, '+inf', Date.now() - retention.maxAgeMs, 'LIMIT', 0, Math.floor(limit));
      return members.map(read);
    }),
  };
}
