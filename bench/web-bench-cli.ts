/** Development entry: `pnpm exec tsx bench/web-bench-cli.ts` (build the web app first: `pnpm --filter @app/web build`). */
import { buildApi } from "../apps/api/test/support/spawn-api";
import { startBenchApi } from "./api-process";
import { runWebBench } from "./web-bench";

buildApi();
const api = await startBenchApi({});
try {
  const result = await runWebBench({ apiUrl: api.url, privateKeyPem: api.privateKeyPem, webhookRoot: api.webhookRoot });
  console.log(
    JSON.stringify(
      {
        ...result,
        loginJsGzipKB: +(result.loginJsGzipBytes / 1024).toFixed(1),
        dashboardJsGzipKB: +(result.dashboardJsGzipBytes / 1024).toFixed(1),
      },
      null,
      2,
    ),
  );
} finally {
  await api.stop();
}
