/**
 * PostgreSQL's jsonb refuses "\u0000" and unpaired UTF-16 surrogates, which JSON allows. A signed
 * body carrying them would fail its whole inbox batch (503, retried by Telnyx for ever): such
 * characters become U+FFFD in the stored copy instead. Other bodies are returned untouched.
 */
const HIGH = String.raw`\\u[dD][89abAB][0-9a-fA-F]{2}`;
const LOW = String.raw`\\u[dD][c-fC-F][0-9a-fA-F]{2}`;
const SUSPECT = new RegExp(String.raw`\\u0000|${HIGH}(?!${LOW})|(?<!${HIGH})${LOW}`);

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL cannot store.
const UNSTORABLE_CHAR = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(value: unknown): unknown {
  if (typeof value === "string") return value.replace(UNSTORABLE_CHAR, "\ufffd");
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      Object.defineProperty(out, clean(key) as string, {
        value: clean(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

export function toStorableJson(text: string): string {
  if (!SUSPECT.test(text)) return text;
  try {
    return JSON.stringify(clean(JSON.parse(text)));
  } catch {
    return text;
  }
}
