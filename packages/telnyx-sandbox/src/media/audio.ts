/** Real audio bytes for recordings: 8 kHz mono 16-bit PCM WAV (a soft tone) and a silent MPEG-2.5 Layer III stream. */
const SAMPLE_RATE = 8000;
const MAX_SECONDS = 60;

/** A tone of the recording's length, or — when the sandbox heard the call (a browser leg) — what it heard. */
export function buildWav(durationMs: number, heard?: Int16Array): Buffer {
  const seconds = Math.min(MAX_SECONDS, Math.max(1, durationMs / 1000));
  const samples = heard ? Math.min(heard.length, MAX_SECONDS * SAMPLE_RATE) : Math.round(seconds * SAMPLE_RATE);
  const dataBytes = samples * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(SAMPLE_RATE, 24);
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE;
    const envelope = Math.floor(t * 2) % 2 === 0 ? 1 : 0.2;
    const sample = heard ? (heard[i] ?? 0) : Math.round(Math.sin(2 * Math.PI * 440 * t) * 3000 * envelope);
    buf.writeInt16LE(sample, 44 + i * 2);
  }
  return buf;
}

/** Frames of MPEG-2.5 Layer III, 8 kHz mono, 8 kbit/s: 72 bytes and 72 ms each; zeroed side info decodes to silence. */
export function buildMp3(durationMs: number): Buffer {
  const seconds = Math.min(MAX_SECONDS, Math.max(1, durationMs / 1000));
  const frames = Math.ceil((seconds * SAMPLE_RATE) / 576);
  const frame = Buffer.alloc(72);
  frame.set([0xff, 0xe3, 0x18, 0xc0], 0);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

/** Parses a single `bytes=start-end` range; returns null when absent, "invalid" when unsatisfiable. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return "invalid";
  const [, rawStart = "", rawEnd = ""] = match;
  if (rawStart === "" && rawEnd === "") return "invalid";
  let start: number;
  let end: number;
  if (rawStart === "") {
    start = Math.max(0, size - Number(rawEnd));
    end = size - 1;
  } else {
    start = Number(rawStart);
    end = rawEnd === "" ? size - 1 : Math.min(size - 1, Number(rawEnd));
  }
  if (start > end || start >= size) return "invalid";
  return { start, end };
}
