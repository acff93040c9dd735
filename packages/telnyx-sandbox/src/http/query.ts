/**
 * Query strings as the SDK sends them: URL-encoded brackets (`filter%5Bfeatures%5D=sms%2Cvoice`), nested objects
 * (`filter[created_at][gte]=...`), comma-joined arrays, and also `filter[x][]=a&filter[x][]=b`.
 */
export type QueryValue = string | string[] | QueryObject;
export interface QueryObject {
  [key: string]: QueryValue;
}

export function parseQuery(raw: string): QueryObject {
  const root: QueryObject = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = splitKey(key);
    let node: QueryObject = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      const isLast = i === parts.length - 1;
      const nextIsArray = parts[i + 1] === "";
      if (isLast || (nextIsArray && i === parts.length - 2)) {
        const existing = node[part];
        if (nextIsArray || Array.isArray(existing)) {
          node[part] = [
            ...(Array.isArray(existing) ? existing : typeof existing === "string" ? [existing] : []),
            value,
          ];
        } else {
          node[part] = value;
        }
        break;
      }
      const child = node[part];
      if (typeof child === "object" && !Array.isArray(child)) node = child;
      else node = node[part] = {};
    }
  }
  return root;
}

function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first < 0) return [key];
  const parts = [key.slice(0, first)];
  for (const match of key.slice(first).matchAll(/\[([^\]]*)\]/g)) parts.push(match[1] ?? "");
  return parts;
}

/** Reads `obj[a][b]` (or the flat `a[b]` key the SDK sometimes sends) as a string. */
export function queryString(query: QueryObject, ...path: string[]): string | undefined {
  let node: QueryValue | undefined = query;
  for (const part of path) {
    if (node === undefined || typeof node === "string" || Array.isArray(node)) return undefined;
    node = node[part];
  }
  if (Array.isArray(node)) return node.join(",");
  return typeof node === "string" ? node : undefined;
}

/** Reads a list filter: comma-joined string or repeated `[]` values. */
export function queryList(query: QueryObject, ...path: string[]): string[] | undefined {
  const value = queryString(query, ...path);
  if (value === undefined || value === "") return undefined;
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

export interface Page<T> {
  data: T[];
  meta: { page_number: number; page_size: number; total_pages: number; total_results: number };
}

export function paginate<T>(items: readonly T[], query: QueryObject, defaultSize = 20): Page<T> {
  const pageNumber = Math.max(1, Number.parseInt(queryString(query, "page", "number") ?? "1", 10) || 1);
  const rawSize = Number.parseInt(queryString(query, "page", "size") ?? String(defaultSize), 10) || defaultSize;
  const pageSize = Math.min(250, Math.max(1, rawSize));
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const start = (pageNumber - 1) * pageSize;
  return {
    data: items.slice(start, start + pageSize),
    meta: { page_number: pageNumber, page_size: pageSize, total_pages: totalPages, total_results: items.length },
  };
}

/** created_at style range filters: `{ gte, lte, gt, lt }` against an ISO timestamp. */
export function matchesRange(iso: string, range: QueryValue | undefined): boolean {
  if (range === undefined || typeof range === "string" || Array.isArray(range)) return true;
  const t = Date.parse(iso);
  const bound = (k: string): number | undefined => {
    const v = range[k];
    return typeof v === "string" ? Date.parse(v) : undefined;
  };
  const gte = bound("gte"),
    lte = bound("lte"),
    gt = bound("gt"),
    lt = bound("lt");
  if (gte !== undefined && t < gte) return false;
  if (lte !== undefined && t > lte) return false;
  if (gt !== undefined && t <= gt) return false;
  if (lt !== undefined && t >= lt) return false;
  return true;
}
