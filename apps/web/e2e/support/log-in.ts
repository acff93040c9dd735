import type { Page } from "playwright-core";

/** The demo logins' shared password (packages/db seed). */
export const DEMO_PASSWORD = "demo1234";

/**
 * Opens `path` signed out, signs in as `email` on the login page it is sent to, and waits to be back on `path`,
 * as a person who followed a link would.
 */
export async function logIn(page: Page, baseUrl: string, email: string, path = "/"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.fill("#login-email", email);
  await page.fill("#login-password", DEMO_PASSWORD);
  await page.click("[data-testid=login-submit]");
  await page.waitForURL((url) => url.pathname === path);
}
