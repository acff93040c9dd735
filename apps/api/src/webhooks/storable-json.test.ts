import { describe, expect, it } from "vitest";
import { toStorableJson } from "./storable-json";

describe("toStorableJson", () => {
  it("returns ordinary bodies byte for byte, paired surrogates (emoji) included", () => {
    const body = '{"data":{"id":"e1","payload":{"text":"hi \\ud83d\\ude00 😀"}}}';
    expect(toStorableJson(body)).toBe(body);
  });

  it("replaces NUL and unpaired surrogates, in values and keys, with U+FFFD", () => {
    const stored = JSON.parse(toStorableJson('{"a\\u0000":"x\\u0000y","b":["\\ud800"],"c":"\\udc00z"}')) as Record<
      string,
      unknown
    >;
    expect(stored).toEqual({ "a\ufffd": "x\ufffdy", b: ["\ufffd"], c: "\ufffdz" });
  });

  it("keeps a __proto__ key as data, not as a prototype", () => {
    const stored = toStorableJson('{"__proto__":{"polluted":"\\u0000"}}');
    expect(stored).toBe('{"__proto__":{"polluted":"\ufffd"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves text that is not JSON to the parser's refusal", () => {
    expect(toStorableJson('{"a":"\\u0000"')).toBe('{"a":"\\u0000"');
  });
});
