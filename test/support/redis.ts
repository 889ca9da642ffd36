/** The test Redis (127.0.0.1:6379, database 0): what keys a test left, and removing them. */
import { createClient } from 'redis';

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379/0';

/** Every key matching a SCAN pattern. */
export async function redisKeys(pattern: string): Promise<string[]> {
  const c = await createClient({ url: TEST_REDIS_URL }).connect();
  try {
    const out: string[] = [];
    for await (const keys of c.scanIterator({ MATCH: pattern, COUNT: 1000 })) out.push(...keys);
    return out;
  } finally {
    c.destroy();
  }
}

export async function redisDelete(keys: string[]): Promise<void> {
  if (!keys.length) return;
  const c = await createClient({ url: TEST_REDIS_URL }).connect();
  try {
    await c.del(keys);
  } finally {
    c.destroy();
  }
}
