import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { InvalidInputError } from "../errors.js";
import { problem, sendProblem } from "./problem.js";

/** Largest file accepted by the imports that stream to disk (observations, hourly air data). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Limits of a multipart upload: one file, a few other fields. */
export const MULTIPART_LIMITS = { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } as const;

/**
 * The folder this server spools uploads to: one subfolder per upload named `<pid>-…`, removed
 * when the request ends whatever happens; `sweepUploadSpools` removes those of dead processes.
 */
export const UPLOAD_SPOOL_DIR = join(tmpdir(), "citybridge-upload-spool");

class NotTextError extends Error {}

class NotAnUploadError extends Error {}

class TooLargeError extends Error {}

/** A multipart body that cannot be read: no boundary, no closing boundary, too many parts. */
class MalformedFormError extends Error {}

/** Registers parsers that hand CSV bodies to the route as a stream, never as a whole string. */
export function streamCsvBodies(app: FastifyInstance): void {
  for (const type of ["text/csv", "application/csv", "text/plain"]) {
    app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // nothing of ours is in flight before the server starts
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the spool folders left by processes that are gone (killed mid-upload); those of other
 * live servers on this machine stay. Called when the server starts. Returns how many it removed.
 */
export async function sweepUploadSpools(dir = UPLOAD_SPOOL_DIR): Promise<number> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of entries) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Copies a stream to a file, refusing anything over the limit. */
async function spool(body: Readable, path: string): Promise<void> {
  // A stream the form parser already gave up on (a form cut short) would never end.
  if (body.destroyed || body.readableAborted) throw new MalformedFormError();
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
  try {
    await pipeline(body, limit, createWriteStream(path));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ERR_STREAM_PREMATURE_CLOSE" || /terminated early|unexpected end/i.test(e.message)) throw new MalformedFormError();
    throw err;
  }
}

const MALFORMED = "the multipart form is malformed: send one field named file (and at most 5 other fields), ended by the closing boundary";

/** The form's file part, or MalformedFormError for a form that cannot be read (never the parser's 406/413/500). */
async function formFile(req: FastifyRequest): Promise<MultipartFile> {
  if (!/;\s*boundary=/i.test(req.headers["content-type"] ?? "")) throw new MalformedFormError("multipart/form-data needs a boundary= parameter in Content-Type");
  let file: MultipartFile | undefined;
  try {
    file = await req.file({ limits: MULTIPART_LIMITS });
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new TooLargeError();
    if (code.startsWith("FST_") || /boundary|multipart|unexpected end/i.test((err as Error).message)) throw new MalformedFormError();
    throw err;
  }
  if (!file) throw new InvalidInputError("the form has no file", [{ column: "file", message: "is required" }], 1, { code: "request.no_file" });
  return file;
}

function malformedOrThrow(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof TooLargeError) return sendProblem(reply, problem(413, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`));
  if (err instanceof NotTextError) return sendProblem(reply, problem(415, "the file is not a text (CSV) file: export it as CSV, UTF-8", { code: "import.not_csv", params: {} }));
  if (err instanceof MalformedFormError) return sendProblem(reply, problem(400, err.message || MALFORMED));
  if (err instanceof NotAnUploadError) return sendProblem(reply, problem(415, "send the CSV as text/csv or as multipart/form-data with a field named file"));
  throw err;
}

/**
 * Spools the uploaded CSV — a `text/csv` body or the multipart field `file` — to a temporary
 * file in UPLOAD_SPOOL_DIR (imports read files, some twice, some through DuckDB), calls `use`
 * with its path and removes it afterwards, whatever happens. Over the limit: 413; a malformed
 * form: 400; any other body: 415.
 */
export async function withUploadedFile<T>(req: FastifyRequest, reply: FastifyReply, use: (path: string) => Promise<T>): Promise<T | FastifyReply> {
  await mkdir(UPLOAD_SPOOL_DIR, { recursive: true });
  const dir = await mkdtemp(join(UPLOAD_SPOOL_DIR, `${process.pid}-`));
  const path = join(dir, "upload.csv");
  let failure: unknown;
  try {
    if (req.isMultipart()) {
      const file = await formFile(req);
      await spool(file.file, path);
      if (file.file.truncated) throw new TooLargeError();
    } else if (req.body && typeof (req.body as Readable).pipe === "function") {
      await spool(req.body as Readable, path);
    } else {
      failure = new NotAnUploadError();
    }
    if (!failure) return await use(path);
  } catch (err) {
    failure = err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Answered only once the spool is gone.
  return malformedOrThrow(reply, failure);
}

/** The multipart field `file` as a buffer of at most `maxBytes` (413 above), or a reply (400/413) already sent. */
export async function uploadedBuffer(req: FastifyRequest, reply: FastifyReply, maxBytes: number): Promise<Buffer | FastifyReply> {
  try {
    const file = await formFile(req);
    if (file.file.destroyed || file.file.readableAborted) throw new MalformedFormError();
    const chunks: Buffer[] = [];
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      file.file.on("data", (c: Buffer) => {
        bytes += c.length;
        if (bytes <= maxBytes) chunks.push(c);
      });
      file.file.on("end", resolve);
      file.file.on("error", () => reject(new MalformedFormError()));
      file.file.on("close", () => (file.file.readableEnded ? resolve() : reject(new MalformedFormError())));
    });
    if (bytes > maxBytes || file.file.truncated) return sendProblem(reply, problem(413, `the file is larger than ${maxBytes / 1024 / 1024} MB`));
    return Buffer.concat(chunks);
  } catch (err) {
    return malformedOrThrow(reply, err);
  }
}
