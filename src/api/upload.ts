import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { InvalidInputError } from "../errors.js";
import { problem, sendProblem } from "./problem.js";

/** Largest file accepted by the imports that stream to disk (observations, hourly air data). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

class NotTextError extends Error {}

class TooLargeError extends Error {}

/** Registers parsers that hand CSV bodies to the route as a stream, never as a whole string. */
export function streamCsvBodies(app: FastifyInstance): void {
  for (const type of ["text/csv", "application/csv", "text/plain"]) {
    app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }
}

/** Copies a stream to a file, refusing anything over the limit. */
async function spool(body: Readable, path: string): Promise<void> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      // A CSV is text: a NUL byte at the start means a binary file (a spreadsheet, an archive, an image).
      if (bytes === 0 && chunk.subarray(0, 8192).includes(0)) return done(new NotTextError());
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) done(new TooLargeError());
      else done(null, chunk);
    },
  });
  await pipeline(body, limit, createWriteStream(path));
}

/**
 * Spools the uploaded CSV — a `text/csv` body or the multipart field `file` — to a temporary
 * file (imports read files, some twice, some through DuckDB), calls `use` with its path and
 * removes the file afterwards. Over the limit: 413; any other body: 415.
 */
export async function withUploadedFile<T>(req: FastifyRequest, reply: FastifyReply, use: (path: string) => Promise<T>): Promise<T | FastifyReply> {
  const dir = await mkdtemp(join(tmpdir(), "citybridge-upload-"));
  const path = join(dir, "upload.csv");
  try {
    if (req.isMultipart()) {
      const file = await req.file();
      if (!file) throw new InvalidInputError("the form has no file", [{ column: "file", message: "is required" }]);
      await spool(file.file, path);
      if (file.file.truncated) throw new TooLargeError();
    } else if (req.body && typeof (req.body as Readable).pipe === "function") {
      await spool(req.body as Readable, path);
    } else {
      return sendProblem(reply, problem(415, "send the CSV as text/csv or as multipart/form-data with a field named file"));
    }
    return await use(path);
  } catch (err) {
    if (err instanceof TooLargeError) return sendProblem(reply, problem(413, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`));
    if (err instanceof NotTextError) return sendProblem(reply, problem(415, "the file is not a text (CSV) file: export it as CSV, UTF-8"));
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
