import { describe, expect, it } from "vitest";
import { createServerContext, serverContext } from "@/lib/server/context";
import { parseEnv } from "@/lib/server/env";

const base = { DATABASE_URL: "file:./.data/context-test-never-opened.db", QUOTE_TO: "owner@example.com" };

describe("the composition root", () => {
  it("builds one transport per context, chosen by SMTP_URL and MAIL_TRANSPORT", () => {
    const smtp = createServerContext(parseEnv({ ...base, SMTP_URL: "smtp://127.0.0.1:1" }));
    expect(smtp.transport.kind).toBe("smtp");
    expect(smtp.transport).toBe(smtp.transport);
    const file = createServerContext(parseEnv({ ...base, SMTP_URL: "smtp://127.0.0.1:1", MAIL_TRANSPORT: "file" }));
    expect(file.transport.kind).toBe("file");
    expect(createServerContext(parseEnv(base)).transport.kind).toBe("file");
    smtp.transport.close();
    file.transport.close();
  });

  it("hands the parts their settings: the quote pipeline, the desk's commands, the owner's address", () => {
    const context = createServerContext(
      parseEnv({ ...base, OWNER_EMAIL: "francois@example.com", SITE_URL: "https://www.example.com" }),
    );
    expect(context.ownerEmail).toBe("francois@example.com");
    expect(context.mail.siteUrl).toBe("https://www.example.com");
    expect(context.quote().env.QUOTE_TO).toBe("owner@example.com");
    expect(context.leads("cli").actor).toBe("cli");
  });

  it("is one context per process, shared through globalThis", () => {
    expect(serverContext()).toBe(serverContext());
    expect((globalThis as { fsDevServerContext?: unknown }).fsDevServerContext).toBe(serverContext());
  });
});
