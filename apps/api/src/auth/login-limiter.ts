import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/**
 * Brute-force protection for login, keyed by IP + email and by IP alone (rate-limiter-flexible:
 * the same limiter works in memory for one instance and in Redis across several).
 */
export interface LoginLimiter {
  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(ip: string, email: string): Promise<number>;
  recordFailure(ip: string, email: string): Promise<void>;
  reset(ip: string, email: string): Promise<void>;
}

const PER_EMAIL = { points: 5, duration: 60 };
const PER_IP = { points: 50, duration: 60 };

export function createLoginLimiter(redis?: Redis): LoginLimiter {
  const make = (opts: { points: number; duration: number }, keyPrefix: string): RateLimiterAbstract =>
    redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, ...opts }) : new RateLimiterMemory({ keyPrefix, ...opts });
  const byEmail = make(PER_EMAIL, "login_email");
  const byIp = make(PER_IP, "login_ip");
  const emailKey = (ip: string, email: string) => `${ip}|${email.trim().toLowerCase()}`;

  return {
    async retryAfter(ip, email) {
      const [emailRes, ipRes] = await Promise.all([byEmail.get(emailKey(ip, email)), byIp.get(ip)]);
      const blocked = (res: RateLimiterRes | null, max: number) =>
        res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0;
      return Math.max(blocked(emailRes, PER_EMAIL.points), blocked(ipRes, PER_IP.points));
    },
    async recordFailure(ip, email) {
      await Promise.all([
        byEmail.penalty(emailKey(ip, email), 1),
        byIp.penalty(ip, 1),
      ]);
    },
    async reset(ip, email) {
      await byEmail.delete(emailKey(ip, email));
    },
  };
}
