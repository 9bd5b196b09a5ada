import type { Redis } from 'ioredis';
import { ChangeHub } from '../change-hub.js';
import type { GalleryChange } from '../contract.js';
import { guard } from './connection.js';

/**
 * Gallery changes through Redis pub/sub. The scripts that change accounts or templates PUBLISH the
 * change on `channel` themselves, so it goes out with the change or not at all. Each follower
 * subscribes on a connection of its own; when that connection is lost, messages published
 * meanwhile are lost too, so once it is back (ioredis subscribes again) the listener reads
 * everything again. This instance's own followers hear of a change at once after it too
 * (`committed`), then again through Redis.
 */
export interface RedisGalleryChanges {
  /** The channel the scripts publish on. */
  readonly channel: string;
  committed<T>(change: GalleryChange, result: T): T;
  follow(listener: (change: GalleryChange) => void): Promise<() => Promise<void>>;
}

export function redisGalleryChanges(redis: Redis, prefix: string): RedisGalleryChanges {
  const channel = `${prefix}gallery`;
  const hub = new ChangeHub();

  return {
    channel,
    committed(change, result) {
      hub.emit(change);
      return result;
    },
    follow: (listener) =>
      guard(async () => {
        const subscriber = redis.duplicate();
        subscriber.on('error', () => {});
        subscriber.on('message', (from: string, message: string) => {
          if (from === channel) listener(JSON.parse(message) as GalleryChange);
        });
        try {
          await subscriber.connect();
          await subscriber.subscribe(channel);
        } catch (error) {
          subscriber.disconnect();
          throw error;
        }
        // Every "ready" after the first is a reconnection.
        subscriber.on('ready', () => listener({ all: true }));
        const off = hub.on(listener);
        return async () => {
          off();
          await subscriber.quit().catch(() => subscriber.disconnect());
        };
      }),
  };
}
