/**
 * The one place tests find the webhook bodies Telnyx published (shared/fixtures/telnyx-webhooks), for every
 * package: shared/ sits beside the repository (CI clones main next to it), searched upward from here, then at the
 * workplace's own /work/shared for a clone made elsewhere.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RELATIVE = path.join("shared", "fixtures", "telnyx-webhooks");

export function findWebhookFixtures(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
  }
  const workplace = path.join("/work", RELATIVE);
  if (existsSync(workplace)) return workplace;
  throw new Error("shared/fixtures/telnyx-webhooks not found beside the repository nor at /work/shared");
}
