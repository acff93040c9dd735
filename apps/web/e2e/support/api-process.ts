/**
 * The real API process (the same entry `npm start` runs) on a free port with its own embedded data
 * folder, stopped after the test file. Shares its launcher with the API's process-level tests.
 */
import { spawnApi } from "../../../api/test/support/spawn-api";

export interface ApiProcess {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const api = await spawnApi({ env });
  return { url: api.url, output: api.output, stop: () => api.stop() };
}
