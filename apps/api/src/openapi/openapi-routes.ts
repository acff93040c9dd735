import type { FastifyInstance } from "fastify";
import { buildOpenApiDocument } from "./build-openapi";
import { renderDocsPage } from "./docs-page";

/** GET /api/openapi.json and GET /api/docs (public: they describe the API, no data). */
export async function registerOpenApiRoutes(app: FastifyInstance): Promise<void> {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  let page: string | undefined;
  const documentOf = () => {
    document ??= buildOpenApiDocument();
    return document;
  };
  app.get("/api/openapi.json", async (_request, reply) => reply.header("cache-control", "no-cache").send(documentOf()));
  app.get("/api/docs", async (_request, reply) => {
    page ??= renderDocsPage(documentOf() as unknown as Parameters<typeof renderDocsPage>[0]);
    return reply.type("text/html; charset=utf-8").send(page);
  });
}
