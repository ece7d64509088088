// A real SMTP server (smtp-server) on a free local port, for tests that send through nodemailer, plus a
// tiny RFC 822 / MIME reader for what it receives (mailparser is not installed).
import net, { type AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerError } from "smtp-server";
import { pace } from "./pace";

/** `receivedAt`: when the message was accepted (Date.now() in this process). */
export type ReceivedMail = { from: string; to: string[]; raw: string; receivedAt: number };

export type Failure = { code: number; message: string };

export type TestSmtpServer = {
  port: number;
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** Messages accepted, in order. */
  received: ReceivedMail[];
  /** Messages refused because of `failWith`. */
  rejected: number;
  /** Messages whose data has arrived and that are being held (see `holdMs`) before the server answers. */
  readonly holding: number;
  /** Refuse every following message with this reply (e.g. 451 try later); null accepts again. */
  failWith(failure: Failure | null): void;
  stop(): Promise<void>;
};

/**
 * The one deliberate pause of the SMTP tests: a server that holds each message before answering, so a test can
 * act while a message is in flight (it waits for `holding` to rise, not for a fixed time).
 */
export function holdMessage(ms: number): Promise<void> {
  return pace(ms, "the SMTP server holds the message before it answers");
}

/** `fail` refuses every message; `holdMs` holds each message that long after its data before answering. */
export async function startSmtpServer(opts: { fail?: Failure; holdMs?: number } = {}): Promise<TestSmtpServer> {
  let failure: Failure | null = opts.fail ?? null;
  const received: ReceivedMail[] = [];
  const state = { rejected: 0, holding: 0 };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // No DNS on connect: offline, a reverse lookup of 127.0.0.1 can cost seconds.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (opts.holdMs) {
          state.holding += 1;
          await holdMessage(opts.holdMs);
          state.holding -= 1;
        }
        if (failure) {
          state.rejected += 1;
          const error: SMTPServerError = new Error(failure.message);
          error.responseCode = failure.code;
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  // A client that dies mid-session (a killed app instance) resets its connection: smtp-server reports that
  // as an "error" event, which must not bring the test process down.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get rejected() {
      return state.rejected;
    },
    get holding() {
      return state.holding;
    },
    failWith(next) {
      failure = next;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local port nothing listens on (bound, then released), to simulate a mail server that is down. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export type MailPart = { contentType: string; body: string };
export type ParsedMail = {
  /** Lower-case names; unfolded and with encoded words decoded; the first occurrence of each. */
  headers: Record<string, string>;
  /** Every header name in order, lower case (to look for duplicates or injected ones). */
  headerNames: string[];
  /** The leaf parts (text/plain, text/html...), transfer-decoded. */
  parts: MailPart[];
};

function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  return match
    ? { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) }
    : { head: raw, body: "" };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?") // whitespace between two encoded words is not part of the text
    .replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const soft = value.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function parseHeaders(head: string): { headers: Record<string, string>; headerNames: string[] } {
  const headers: Record<string, string> = {};
  const headerNames: string[] = [];
  for (const line of head.replace(/\r?\n(?=[ \t])/g, "").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headerNames.push(name);
    headers[name] ??= decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, headerNames };
}

function leafParts(headers: Record<string, string>, body: string): MailPart[] {
  const contentType = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    return sections
      .filter((section) => !section.startsWith("--"))
      .flatMap((section) => {
        const part = splitHead(section.replace(/^\r?\n/, ""));
        return leafParts(parseHeaders(part.head).headers, part.body);
      });
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const decoded =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return [{ contentType: contentType.split(";")[0]?.trim().toLowerCase() ?? "", body: decoded }];
}

/** Headers and decoded text parts of a raw message, enough for assertions. */
export function parseMail(raw: string): ParsedMail {
  const { head, body } = splitHead(raw);
  const { headers, headerNames } = parseHeaders(head);
  return { headers, headerNames, parts: leafParts(headers, body) };
}

/** The decoded body of the first part of this type ("text/plain" or "text/html"). */
export function partOf(mail: ParsedMail, contentType: string): string {
  const part = mail.parts.find((candidate) => candidate.contentType === contentType);
  if (!part) throw new Error(`no ${contentType} part in the message`);
  return part.body;
}
