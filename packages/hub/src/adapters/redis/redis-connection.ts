import { Redis } from "ioredis";

/**
 * Every Redis call is bounded, and none waits for a reconnection: a signed request whose nonce
 * cannot be checked is refused at once rather than left hanging.
 */
const redisConnectTimeoutMs = 5_000;
const redisCommandTimeoutMs = 1_000;

export function redactRedisUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, ":***@");
}

/** Connects before returning, so a wrong URL fails the hub's start instead of its first request. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: redisConnectTimeoutMs,
    commandTimeout: redisCommandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  let lastError: unknown;
  // ioredis reconnects by itself; meanwhile each command that needs Redis fails with its own
  // error, so the event adds nothing but would otherwise be printed as unhandled.
  redis.on("error", (error: unknown) => {
    lastError = error;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const cause = lastError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`Redis at ${redactRedisUrl(url)} is unreachable: ${reason}`, { cause });
  }
  return redis;
}

/** Lets sent commands finish; a connection that is down is simply dropped. */
export async function closeRedis(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
