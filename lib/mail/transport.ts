import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { log as serverLog } from "@/lib/server/log";

/** One message, fully rendered; addresses are already validated by the caller. */
export type OutgoingMail = {
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Our own Message-ID (with angle brackets); nodemailer makes one up when absent. */
  messageId?: string;
  /** The Message-ID this message answers, and the thread's Message-IDs (with angle brackets). */
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
};

export type MailTransport = {
  /** "smtp" delivers through SMTP_URL; "file" writes .eml files (development, first run). */
  kind: "smtp" | "file";
  /** Resolves once the server accepted the message (or the file is written); rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string; path?: string }>;
  close(): void;
};

export type MailTransportOptions = {
  smtpUrl?: string;
  mailDir: string;
  timeoutMs: number;
  log?: (line: string) => void;
};

function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    to: mail.to,
    from: mail.from,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: mail.headers,
    // The bodies are strings we rendered; never let nodemailer read a path or fetch a URL for them.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

async function toBuffer(message: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(message)) return message;
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** `2026-05-01T09-30-12.345Z-a1b2c3.eml`: sortable by time, unique, and valid on every file system. */
function emlFileName(now: Date): string {
  return `${now.toISOString().replace(/:/g, "-")}-${randomBytes(3).toString("hex")}.eml`;
}

function createSmtpTransport(smtpUrl: string, timeoutMs: number): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // nodemailer's defaults wait minutes for a dead server; a request handler must not hang that long.
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    kind: "smtp",
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(mail));
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}

function createFileTransport(mailDir: string, log: (line: string) => void): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const dir = path.resolve(mailDir);
  return {
    kind: "file",
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(mail));
      const file = path.join(dir, emlFileName(new Date()));
      await mkdir(dir, { recursive: true });
      // "wx": never overwrite, even in the (unlikely) case of a name collision.
      await writeFile(file, await toBuffer(info.message), { flag: "wx" });
      log(`mail: wrote ${file}`);
      return { messageId: info.messageId, path: file };
    },
    close() {
      transporter.close();
    },
  };
}

/** SMTP when a URL is given, otherwise .eml files under `mailDir` (so local runs need no mail server). */
export function createMailTransport(opts: MailTransportOptions): MailTransport {
  const log = opts.log ?? ((line: string) => serverLog.info(line));
  return opts.smtpUrl ? createSmtpTransport(opts.smtpUrl, opts.timeoutMs) : createFileTransport(opts.mailDir, log);
}
