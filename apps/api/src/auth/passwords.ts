import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum parameters (19 MiB, 2 iterations).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

// Verifying against a throw-away hash when the user does not exist keeps response times equal,
// so login timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
/** Made at start, so the first unknown email is not the one answered a hash-computation later. */
export function prepareBurnHash(): void {
  dummyHash ??= hashPassword("not-a-real-password");
}
export async function burnPasswordCheck(plain: string): Promise<void> {
  prepareBurnHash();
  await verifyPassword(await dummyHash!, plain);
}
