import type { Redis } from 'ioredis';
import type { AuditEvent, AuditStore } from '../contract.js';
import { shelfOf, type AuditRetention, type AuditShelf } from '../audit-retention.js';
import { guard } from './connection.js';

// Each shelf is a sorted set scored by `at`, whose members are a zero-padded sequence number
// (events of the same millisecond keep their order; identical events stay distinct), a colon and
// the event's JSON. A folded event's count and last occurrence are in the counts hash under its
// sequence number; its fold key names that number for as long as its window lasts.

// Removes a shelf's events past the retention age, then the oldest beyond its count, with their counts.
const trim = `
local function drop(set, counts, members)
  for _, member in ipairs(members) do
    redis.call('ZREM', set, member)
    redis.call('HDEL', counts, string.sub(member, 1, 16))
  end
end
local function trim(set, counts, oldest, maxEvents)
  drop(set, counts, redis.call('ZRANGEBYSCORE', set, '-inf', '(' .. oldest))
  local excess = redis.call('ZCARD', set) - tonumber(maxEvents)
  if excess > 0 then drop(set, counts, redis.call('ZRANGE', set, 0, excess - 1)) end
end
local function add(set, sequence, at, json)
  local id = string.format('%016d', redis.call('INCR', sequence))
  redis.call('ZADD', set, at, id .. ':' .. json)
  return id
end`;

// KEYS: the shelf, the sequence, the counts. ARGV: at, event JSON, the oldest `at` kept, the most events kept.
// One script, so an event is appended and its shelf trimmed together or not at all.
const appendScript = `${trim}
add(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
trim(KEYS[1], KEYS[3], ARGV[3], ARGV[4])`;

// KEYS: the shelf, the sequence, the counts, the fold key. ARGV: as append's, then the fold key's lifetime in ms.
// The event the fold key names, while it is still on its shelf, counts one more; else a new event.
const foldScript = `${trim}
local id = redis.call('GET', KEYS[4])
local folded = id and redis.call('HGET', KEYS[3], id)
if folded then
  local count = tonumber(string.match(folded, '^(%d+)'))
  redis.call('HSET', KEYS[3], id, (count + 1) .. ':' .. ARGV[1])
  return
end
id = add(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], id, '1:' .. ARGV[1])
redis.call('SET', KEYS[4], id, 'PX', ARGV[5])
trim(KEYS[1], KEYS[3], ARGV[3], ARGV[4])`;

interface Member {
  member: string;
  at: number;
}

/** Members read per round trip when looking for one account's events. */
const PAGE = 500;

/** ZRANGE … WITHSCORES's flat [member, score, …] as members with their `at`. */
const pairsOf = (flat: string[]): Member[] =>
  flat.flatMap((value, i) => (i % 2 === 0 ? [{ member: value, at: Number(flat[i + 1]) }] : []));

/** Both shelves' members merged newest first: by `at`, then by sequence (the order of appending). */
const newestFirst = (members: Member[], limit: number): Member[] =>
  members.sort((a, b) => b.at - a.at || (a.member < b.member ? 1 : -1)).slice(0, Math.floor(limit));

const eventOf = (member: string) => JSON.parse(member.slice(member.indexOf(':') + 1)) as AuditEvent;

/**
 * The trail on Redis: two sorted sets (records, and refusals, which keeps the key the trail had
 * before it had shelves), trimmed by age and by count on every append.
 */
export function redisAudit(redis: Redis, prefix: string, retention: AuditRetention): AuditStore {
  const shelves: Record<AuditShelf, string> = { refusals: `${prefix}audit:events`, records: `${prefix}audit:records` };
  const sequence = `${prefix}audit:seq`;
  const counts = `${prefix}audit:counts`;
  const oldest = () => Date.now() - retention.maxAgeMs;
  const stored = (event: AuditEvent) => {
    const { count: _count, lastAt: _lastAt, ...plain } = event;
    return JSON.stringify(plain);
  };

  return {
    append: (event) =>
      guard(async () => {
        await redis.eval(
          appendScript,
          3,
          shelves[shelfOf(event)],
          sequence,
          counts,
          event.at,
          stored(event),
          oldest(),
          retention.maxEvents,
        );
      }),
    fold: (key, windowSeconds, event) =>
      guard(async () => {
        const windowMs = windowSeconds * 1000;
        const foldKey = `${prefix}audit:fold:${key}@${Math.floor(event.at / windowMs)}`;
        await redis.eval(
          foldScript,
          4,
          shelves[shelfOf(event)],
          sequence,
          counts,
          foldKey,
          event.at,
          stored(event),
          oldest(),
          retention.maxEvents,
          Math.max(1, Math.ceil(windowMs)),
        );
      }),
    recent: (limit) =>
      guard(async () => {
        if (!(limit >= 1)) return [];
        const newest = await Promise.all(
          Object.values(shelves).map(async (set) =>
            pairsOf(await redis.zrevrangebyscore(set, '+inf', oldest(), 'WITHSCORES', 'LIMIT', 0, Math.floor(limit))),
          ),
        );
        return withCounts(newestFirst(newest.flat(), limit));
      }),
    // No index by account: each shelf is read newest first, a page at a time, until it has given
    // `limit` of the account's events or is at its end. The shelves are bounded by the retention
    // (maxEvents), so is this walk; the page shows 20 events, which recent sign-ins find early.
    forAccount: (accountId, limit, type) =>
      guard(async () => {
        if (!(limit >= 1)) return [];
        const wanted = Math.floor(limit);
        const since = oldest();
        const ofAccount = await Promise.all(
          Object.values(shelves).map(async (set) => {
            const found: Member[] = [];
            for (let offset = 0; found.length < wanted; offset += PAGE) {
              const page = pairsOf(
                await redis.zrevrangebyscore(set, '+inf', since, 'WITHSCORES', 'LIMIT', offset, PAGE),
              );
              for (const entry of page) {
                const event = eventOf(entry.member);
                if (event.accountId === accountId && (type === undefined || event.type === type)) found.push(entry);
              }
              if (page.length < PAGE) break;
            }
            return found;
          }),
        );
        return withCounts(newestFirst(ofAccount.flat(), wanted));
      }),
  };

  /** The events of these members, with the counts of the folded ones. */
  async function withCounts(members: Member[]): Promise<AuditEvent[]> {
    if (members.length === 0) return [];
    const folded = await redis.hmget(counts, ...members.map(({ member }) => member.slice(0, 16)));
    return members.map(({ member }, i) => {
      const event = eventOf(member);
      const [count, lastAt] = folded[i]?.split(':').map(Number) ?? [];
      return count === undefined ? event : { ...event, count, lastAt };
    });
  }
}
