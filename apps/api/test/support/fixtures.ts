/**
 * The 48 webhook bodies Telnyx published (shared/fixtures/telnyx-webhooks). shared/ sits beside
 * the repository (CI clones main next to it): searched upward from here, then at the workplace's
 * own /work/shared for a clone made elsewhere.
 */
import { existsSync } from "node:fs";
import path from "node:path";

const RELATIVE = path.join("shared", "fixtures", "telnyx-webhooks");

export function findWebhookFixtures(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
  }
  const workplace = path.join("/work", RELATIVE);
  if (existsSync(workplace)) return workplace;
  throw new Error("shared/fixtures/telnyx-webhooks not found beside the repository nor at /work/shared");
}
