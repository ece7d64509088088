// A form post over a raw TCP socket, for what fetch and Playwright cannot do: a chunked body without
// Content-Length, a body that stops half-way, a Content-Length larger than what is sent. Records when the
// server answered and how much of the body had been written by then.
import net from "node:net";
import { pace } from "./pace";

export type RawExchange = {
  /** The status code, or null when the server answered nothing before the socket closed or the wait ended. */
  status: number | null;
  /** Headers (lower-case names) and body of the answer, as received. */
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the first byte sent to the first byte of the answer (null: no answer). */
  answeredAfterMs: number | null;
  /** Body bytes written to the socket before the answer arrived (or before the socket closed). */
  bodyBytesSentBeforeAnswer: number;
  /** Body bytes written in total. */
  bodyBytesSent: number;
  /** The body was not written to the end (the server closed or reset the socket, or the client gave up). */
  cutOff: boolean;
  /** The server closed or reset the connection (before the client gave up waiting). */
  serverClosed: boolean;
};

export type RawPost = {
  port: number;
  path: string;
  headers: Record<string, string>;
  /** The start of the body (e.g. the form's multipart fields); sent first. */
  head: Buffer;
  /** Filler bytes sent after `head`, in `chunkBytes` pieces (default 64 KB). */
  fillerBytes: number;
  /** The end of the body (e.g. the closing multipart boundary); sent after the filler. */
  tail?: Buffer;
  /** Send the body as `Transfer-Encoding: chunked` without Content-Length. */
  chunked?: boolean;
  /** Content-Length to announce (default: the real length); ignored when chunked. */
  contentLength?: number;
  /** Stop writing (without ending the body) after this many body bytes; the socket stays open. */
  stallAfterBytes?: number;
  chunkBytes?: number;
  /** Bytes per second; unlimited when absent. */
  bytesPerSecond?: number;
  /** How long to wait for the answer after the last byte written (default 10 s). */
  waitMs?: number;
  /** Give up writing and waiting after this long in total (default 120 s). */
  deadlineMs?: number;
};

export async function rawPost(opts: RawPost): Promise<RawExchange> {
  const socket = net.connect(opts.port, "127.0.0.1");
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const started = performance.now();
  const tail = opts.tail ?? Buffer.alloc(0);
  const total = opts.head.length + opts.fillerBytes + tail.length;
  const headers: Record<string, string> = { host: `127.0.0.1:${opts.port}`, ...opts.headers };
  if (opts.chunked) headers["transfer-encoding"] = "chunked";
  else headers["content-length"] = String(opts.contentLength ?? total);
  const headLines = [`POST ${opts.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];

  const state = { sent: 0, sentBeforeAnswer: -1, answeredAt: null as number | null, closed: false };
  const received: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => {
    if (state.answeredAt === null) {
      state.answeredAt = performance.now();
      state.sentBeforeAnswer = state.sent;
    }
    received.push(chunk);
  });
  const closed = new Promise<void>((resolve) => {
    socket.on("close", () => {
      state.closed = true;
      resolve();
    });
    socket.on("error", () => {
      state.closed = true;
      resolve();
    });
  });

  const write = (data: Buffer | string) =>
    new Promise<boolean>((resolve) => {
      if (state.closed || socket.destroyed) return resolve(false);
      socket.write(data, (error) => resolve(!error));
    });
  const frame = (data: Buffer) =>
    opts.chunked ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]) : data;

  const deadline = started + (opts.deadlineMs ?? 120_000);
  const limit = Math.min(total, opts.stallAfterBytes ?? total);
  const chunkBytes = opts.chunkBytes ?? 64 * 1024;
  let complete = false;
  if (await write(`${headLines.join("\r\n")}\r\n\r\n`)) {
    let ok = true;
    while (ok && state.sent < limit && performance.now() < deadline) {
      const part = bodySlice(opts.head, opts.fillerBytes, tail, state.sent, Math.min(chunkBytes, limit - state.sent));
      ok = await write(frame(part));
      if (ok) state.sent += part.length;
      // Let the answer's 'data' event in: a write the kernel takes at once completes without I/O.
      await new Promise((resolve) => setImmediate(resolve));
      if (opts.bytesPerSecond)
        await pace((part.length / opts.bytesPerSecond) * 1000, "a slow client sends bytesPerSecond");
    }
    if (ok && state.sent >= total) complete = await write(opts.chunked ? "0\r\n\r\n" : "");
  }
  const waitMs = Math.min(opts.waitMs ?? 10_000, Math.max(0, deadline - performance.now()));
  // The client holds the connection open for waitMs, unless the server closes it first.
  await Promise.race([closed, pace(waitMs, "the client waits for an answer, then gives up")]);
  const serverClosed = state.closed;
  socket.destroy();

  const raw = Buffer.concat(received).toString("latin1");
  const split = raw.indexOf("\r\n\r\n");
  const headText = split >= 0 ? raw.slice(0, split) : raw;
  const status = /^HTTP\/1\.1 (\d{3})/.exec(headText)?.[1];
  const answerHeaders: Record<string, string> = {};
  for (const line of headText.split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) answerHeaders[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: status ? Number(status) : null,
    headers: answerHeaders,
    body: split >= 0 ? Buffer.from(raw.slice(split + 4), "latin1").toString("utf8") : "",
    answeredAfterMs: state.answeredAt === null ? null : state.answeredAt - started,
    bodyBytesSentBeforeAnswer: state.sentBeforeAnswer >= 0 ? state.sentBeforeAnswer : state.sent,
    bodyBytesSent: state.sent,
    cutOff: !complete && state.sent < limit,
    serverClosed,
  };
}

/** `length` bytes of the body head + filler ("x" bytes) + tail, from `offset`. */
function bodySlice(head: Buffer, fillerBytes: number, tail: Buffer, offset: number, length: number): Buffer {
  const fillerEnd = head.length + fillerBytes;
  const parts: Buffer[] = [];
  let at = offset;
  const end = offset + length;
  if (at < head.length) {
    parts.push(head.subarray(at, Math.min(end, head.length)));
    at = Math.min(end, head.length);
  }
  if (at < end && at < fillerEnd) {
    const n = Math.min(end, fillerEnd) - at;
    parts.push(Buffer.alloc(n, "x"));
    at += n;
  }
  if (at < end) parts.push(tail.subarray(at - fillerEnd, end - fillerEnd));
  return Buffer.concat(parts);
}

/** The quote form's hidden fields and a few visible ones as the start of a multipart body. */
export function multipartHead(fields: Record<string, string>, boundary: string, openField = "description"): Buffer {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  // The last field is left open: the filler bytes become its value.
  return Buffer.from(`${parts.join("")}--${boundary}\r\nContent-Disposition: form-data; name="${openField}"\r\n\r\n`);
}
