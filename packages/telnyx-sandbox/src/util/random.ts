import { randomInt } from "node:crypto";

/** Seeded PRNG (mulberry32) so a sandbox started with the same seed produces the same ids and choices. */
export class Rng {
  private state: number;

  constructor(seed?: number) {
    this.state = (seed ?? randomInt(0, 2 ** 31)) >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from empty list");
    return item;
  }

  digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }

  hex(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += this.int(0, 15).toString(16);
    return out;
  }

  uuid(): string {
    const h = this.hex(32);
    const variant = ((this.int(0, 3) | 8) >>> 0).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Telnyx-style numeric ids (connections, applications): 19 digits. */
  numericId(): string {
    return String(this.int(1, 9)) + this.digits(18);
  }

  callControlId(): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let out = "v3:";
    for (let i = 0; i < 54; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}

/** Stable 32-bit hash (FNV-1a) used to derive deterministic numbers from a search query. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
