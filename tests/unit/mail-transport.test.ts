import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, type OutgoingMail } from "@/lib/mail/transport";
import { parseMail, partOf, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";

const mail: OutgoingMail = {
  to: "sales@example.test",
  from: "FS Dev website <website@example.test>",
  replyTo: "ada@example.test",
  subject: "Quote FS-2026-ABCDEF",
  text: "Plain body FS-2026-ABCDEF",
  html: "<p>HTML body FS-2026-ABCDEF</p>",
  messageId: "<outbox-1.FS-2026-ABCDEF@example.test>",
  headers: { "X-Test": "yes" },
};

describe("SMTP transport", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.stop());

  it("sends both parts with our Message-ID and headers", async () => {
    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused", timeoutMs: 2_000 });
    expect(transport.kind).toBe("smtp");
    const info = await transport.send(mail);
    transport.close();
    expect(info).toEqual({ messageId: mail.messageId });
    const [received] = smtp.received;
    expect(received?.to).toEqual(["sales@example.test"]);
    const parsed = parseMail(received?.raw ?? "");
    expect(parsed.headers["message-id"]).toBe(mail.messageId);
    expect(parsed.headers["reply-to"]).toBe("ada@example.test");
    expect(parsed.headers["x-test"]).toBe("yes");
    expect(partOf(parsed, "text/plain")).toContain("Plain body FS-2026-ABCDEF");
    expect(partOf(parsed, "text/html")).toContain("<p>HTML body FS-2026-ABCDEF</p>");
  });

  it("rejects with the server's reply when it refuses the message", async () => {
    smtp.failWith({ code: 451, message: "try later" });
    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "unused", timeoutMs: 2_000 });
    try {
      await expect(transport.send(mail)).rejects.toThrow(/451 try later/);
    } finally {
      smtp.failWith(null);
      transport.close();
    }
  });

  it("gives up on a server that accepts the connection but never answers, after timeoutMs", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", () => resolve()));
    const port = (silent.address() as AddressInfo).port;
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: "unused", timeoutMs: 300 });
    const started = Date.now();
    try {
      await expect(transport.send(mail)).rejects.toThrow(/greeting|timeout/i);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      transport.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
