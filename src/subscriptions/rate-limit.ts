import { AppError } from "../errors/app-error.ts";

/**
 * A fixed-window counter per key (the client's IP address), in memory. It protects the subscribe form from
 * being used to mail-bomb an address: each accepted POST sends a message. In memory is enough for one
 * process; several processes behind a load balancer each count on their own (the limit multiplies by
 * their number), and a restart forgets the counts.
 */
export type RateLimiter = { hit: (key: string, now?: number) => boolean };

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    /** Counts one attempt; false when the key is over its limit in the current window. */
    hit(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= options.windowMs) {
        // A flood of distinct keys must not grow the map without bound: drop every expired window first.
        if (windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= options.windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.clear();
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count <= options.limit;
    },
  };
}

/** The refusal of a public form over its per-IP limit (429). `message` is for logs; people read the FR/EN text. */
export function tooManyAttempts(message: string): AppError {
  return new AppError("RATE_LIMITED", message, {
    userMessage: {
      fr: "Trop de tentatives depuis votre connexion. Réessayez dans un quart d'heure.",
      en: "Too many attempts from your connection. Try again in a quarter of an hour.",
    },
  });
}
