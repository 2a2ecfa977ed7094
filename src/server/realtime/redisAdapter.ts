// With REDIS_URL, broadcasts and room joins reach sockets on every Baken node.
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../logger.js';

export interface RedisAdapterHandle {
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

export function createRedisAdapter(url: string, logger: Logger): RedisAdapterHandle {
  // ioredis reconnects on its own; without an error listener a Redis outage would crash us.
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, retryStrategy: (times: number) => Math.min(times * 200, 2000) };
  const pub = new Redis(url, options);
  const sub = pub.duplicate();
  let lastLogged = 0;
  const onError = (error: Error) => {
    if (Date.now() - lastLogged > 5000) {
      lastLogged = Date.now();
      logger.warn({ err: error.message }, 'redis unavailable; retrying');
    }
  };
  pub.on('error', onError);
  sub.on('error', onError);
  // The adapter does not handle failed commands (a publish during an outage, a subscription
  // cut off by a closing connection). A broadcast lost that way is filled in by the clients'
  // next resume; a rejected promise nobody handles must never end the process.
  for (const client of [pub, sub]) {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((...args: Parameters<typeof send>) => {
      const result = send(...args);
      void Promise.resolve(result).catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
      return result;
    }) as typeof client.sendCommand;
  }
  return {
    adapter: createAdapter(pub, sub, { requestsTimeout: 3000 }),
    async close() {
      // disconnect, not quit: quit waits for (and then rejects) commands queued during an outage.
      pub.disconnect();
      sub.disconnect();
    },
  };
}
