import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/**
 * Brute-force protection for login (rate-limiter-flexible: the same limiters work in memory for
 * one instance and in Redis across several), counted three ways:
 * - per address + email and per address: one client guessing;
 * - per account (the email alone, known or not, so the answer reveals nothing): many addresses
 *   guessing one account. After ACCOUNT_FREE_FAILURES failures the account is locked for a delay
 *   that doubles with each further failure (ACCOUNT_FIRST_DELAY_SECS, up to ACCOUNT_MAX_DELAY_SECS);
 *   a successful login clears it.
 */
export interface LoginLimiter {
  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(ip: string, email: string): Promise<number>;
  recordFailure(ip: string, email: string): Promise<void>;
  reset(ip: string, email: string): Promise<void>;
}

const PER_EMAIL = { points: 5, duration: 60 };
const PER_IP = { points: 50, duration: 60 };
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_FIRST_DELAY_SECS = 30;
export const ACCOUNT_MAX_DELAY_SECS = 15 * 60;
/** How long an account's failures are remembered after the last one. */
const ACCOUNT_MEMORY_SECS = 24 * 3600;

/** The lock after the n-th consecutive failure of an account (0 while n is within the free ones). */
export function accountDelaySecs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_SECS, ACCOUNT_FIRST_DELAY_SECS * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

export function createLoginLimiter(redis?: Redis): LoginLimiter {
  const make = (opts: { points: number; duration: number }, keyPrefix: string): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix, ...opts })
      : new RateLimiterMemory({ keyPrefix, ...opts });
  const byEmail = make(PER_EMAIL, "login_email");
  const byIp = make(PER_IP, "login_ip");
  // Failures per account (a counter that lives on while failures keep coming) and the account's lock.
  const accountFailures = make({ points: 1_000_000, duration: ACCOUNT_MEMORY_SECS }, "login_account_failures");
  const accountLock = make({ points: 1, duration: ACCOUNT_MAX_DELAY_SECS }, "login_account_lock");
  const account = (email: string) => email.trim().toLowerCase();
  const emailKey = (ip: string, email: string) => `${ip}|${account(email)}`;
  const blockedFor = (res: RateLimiterRes | null, max: number) =>
    res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0;

  return {
    async retryAfter(ip, email) {
      const [emailRes, ipRes, lockRes] = await Promise.all([
        byEmail.get(emailKey(ip, email)),
        byIp.get(ip),
        accountLock.get(account(email)),
      ]);
      const lock = lockRes && lockRes.consumedPoints > 1 ? Math.ceil(lockRes.msBeforeNext / 1000) : 0;
      return Math.max(blockedFor(emailRes, PER_EMAIL.points), blockedFor(ipRes, PER_IP.points), lock);
    },
    async recordFailure(ip, email) {
      const [, , failures] = await Promise.all([
        byEmail.penalty(emailKey(ip, email), 1),
        byIp.penalty(ip, 1),
        accountFailures.penalty(account(email), 1),
      ]);
      const delay = accountDelaySecs(failures.consumedPoints);
      if (delay > 0) await accountLock.block(account(email), delay);
    },
    async reset(ip, email) {
      await Promise.all([
        byEmail.delete(emailKey(ip, email)),
        accountFailures.delete(account(email)),
        accountLock.delete(account(email)),
      ]);
    },
  };
}
