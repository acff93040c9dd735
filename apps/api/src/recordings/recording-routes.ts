/**
 * GET /api/recordings/:callId — streams a call's stored recording (audio/mpeg or audio/wav) with
 * HTTP Range support, so the browser's <audio> element can seek. Access is checked exactly like
 * calls.get; 404 until the recording has been downloaded.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { requireCall } from "@app/telnyx-core/calls/call-access";
import { recordingAbsolutePath, recordingContentType } from "@app/telnyx-core/calls/call-recording-file";
import { isAppError } from "@app/telnyx-core/errors/app-error";
import { resolveCaller } from "../auth/sessions";
import type { ApiDeps } from "../trpc/context";
import { assertStorableInput } from "../trpc/input-guard";
import { sendError } from "../http/http-errors";

/** "bytes=0-99" | "bytes=100-" | "bytes=-500" → inclusive range, or null when unsatisfiable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

export async function registerRecordingRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get("/api/recordings/:callId", async (request, reply) => {
    const auth = await resolveCaller(deps.db, {
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
    });
    if (!auth) return sendError(reply, "UNAUTHORIZED", "Please log in.");
    const { callId } = request.params as { callId: string };
    assertStorableInput({ callId });
    const actor = { userId: auth.userId, organizationId: auth.organizationId, role: auth.role, ip: request.ip };
    let call: { recordingPath: string | null };
    try {
      call = await requireCall(deps.db, actor, callId, { recordingPath: true });
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") return sendError(reply, "NOT_FOUND", error.message);
      throw error;
    }
    const file = call.recordingPath ? recordingAbsolutePath(deps.config.recordingsDir, call.recordingPath) : null;
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile())
      return sendError(reply, "NOT_FOUND", "The recording of this call is not available (yet).");

    reply
      .header("accept-ranges", "bytes")
      .header("content-type", recordingContentType(file))
      .header("cache-control", "private, max-age=3600");
    const rangeHeader = request.headers.range;
    if (!rangeHeader) {
      reply.header("content-length", String(info.size));
      return reply.code(200).send(createReadStream(file));
    }
    const range = parseRange(rangeHeader, info.size);
    if (!range) {
      reply.header("content-range", `bytes */${info.size}`);
      return sendError(reply, "RANGE_NOT_SATISFIABLE", `The file has ${info.size} bytes.`);
    }
    reply
      .header("content-range", `bytes ${range.start}-${range.end}/${info.size}`)
      .header("content-length", String(range.end - range.start + 1));
    return reply.code(206).send(createReadStream(file, { start: range.start, end: range.end }));
  });
}
