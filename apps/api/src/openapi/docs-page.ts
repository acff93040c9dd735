/** A self-contained HTML reference of the OpenAPI document (no CDN, no script: the CSP forbids both). */
type Doc = { info: { title: string; description?: string }; paths: Record<string, Record<string, Operation>> };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description?: string; $ref?: string; content?: Record<string, { schema: unknown }> }>;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function renderOperation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td>${json(p.schema ?? {})}${p.description ? `<p>${escapeHtml(p.description)}</p>` : ""}</td></tr>`,
    )
    .join("");
  const body = op.requestBody?.content["application/json"]?.schema;
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const schema = r.content?.["application/json"]?.schema;
      const label = r.$ref
        ? r.$ref
            .split("/")
            .pop()!
            .replace(/^Error/, "error ")
        : (r.description ?? "");
      return `<li><b>${status}</b> ${escapeHtml(label)}${schema ? `<details><summary>schema</summary>${json(schema)}</details>` : ""}</li>`;
    })
    .join("");
  return `<section class="op" id="${escapeHtml(`${method}-${path}`)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? "")}</p><p class="muted">${escapeHtml(op.description ?? "")}${op.security?.length === 0 ? " Public." : ""}</p>
${params ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr>${params}</table>` : ""}
${body ? `<details><summary>Request body (application/json)</summary>${json(body)}</details>` : ""}
<ul>${responses}</ul></section>`;
}

export function renderDocsPage(doc: Doc): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(operations.map(({ op }) => op.tags?.[0] ?? "other"))];
  const sections = tags
    .map(
      (tag) =>
        `<h2>${escapeHtml(tag)}</h2>${operations
          .filter(({ op }) => (op.tags?.[0] ?? "other") === tag)
          .map(({ method, path, op }) => renderOperation(method, path, op))
          .join("")}`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1f2328}
.op{border:1px solid #d0d7de;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;padding:2px 6px;font-size:.8em}
.get{background:#1a7f37}.post{background:#0969da}.patch{background:#9a6700}.delete{background:#cf222e}.put{background:#8250df}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.8em}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px;vertical-align:top}
.muted{color:#59636e}
</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors, on every route: <code>{ "errors": [{ "status", "code", "title", "detail", "source"? }] }</code>.</p>
${sections}</body></html>`;
}
