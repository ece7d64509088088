import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/server/env";
import { contentSecurityPolicy, securityHeaders } from "@/lib/server/security-headers";
import { PRODUCTION_SETTINGS } from "../helpers/production-settings";

const production = PRODUCTION_SETTINGS;

describe("configuration", () => {
  it("runs locally with no variables at all", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./.data/fsdev.db");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_DIR).toBe(".data/mail");
    expect(env.RATE_LIMIT_MAX).toBe(5);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("accepts a complete production configuration", () => {
    expect(
      parseEnv({ ...production, SMTP_URL: "smtps://u:p@smtp.example.com:465", TRUSTED_PROXY_HOPS: "1" })
        .TRUSTED_PROXY_HOPS,
    ).toBe(1);
  });

  it("refuses production without SMTP, unless files are chosen on purpose", () => {
    const { SMTP_URL: _smtp, ...rest } = production;
    expect(() => parseEnv(rest)).toThrowError(/SMTP_URL: is required in production/);
    expect(parseEnv({ ...rest, MAIL_TRANSPORT: "file" }).MAIL_TRANSPORT).toBe("file");
  });

  it("refuses a database it cannot open, naming it; takes SQLite and PostgreSQL URLs", () => {
    expect(() => parseEnv({ ...production, DATABASE_URL: "mysql://u:p@db/x" })).toThrowError(
      /DATABASE_URL: must be a SQLite file: URL or a postgresql:\/\/ URL/,
    );
    for (const url of ["file:./x.db", "postgres://u:p@db/x", "postgresql://u:p@db:5432/x?sslmode=require"])
      expect(parseEnv({ ...production, DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  for (const name of ["SITE_URL", "FORM_SECRET", "QUOTE_TO", "MAIL_FROM"] as const) {
    it(`refuses production without ${name}, naming it`, () => {
      const { [name]: _removed, ...rest } = production;
      expect(() => parseEnv(rest)).toThrowError(new RegExp(`${name}: is required in production`));
    });
  }

  it("names every malformed variable at once", () => {
    let message = "";
    try {
      parseEnv({
        ...production,
        SITE_URL: "www.example.com",
        FORM_SECRET: "short",
        SMTP_URL: "http://mail",
        QUOTE_TO: "nobody",
        TRUSTED_PROXY_HOPS: "-1",
        BUSINESS_TIME_ZONE: "Africa/Joburg",
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    for (const name of ["SITE_URL", "FORM_SECRET", "SMTP_URL", "QUOTE_TO", "TRUSTED_PROXY_HOPS", "BUSINESS_TIME_ZONE"])
      expect(message).toContain(`${name}:`);
    expect(message).not.toContain("a-production-secret");
  });

  it("refuses the development secret in production", () => {
    const { FORM_SECRET: _secret, ...rest } = production;
    expect(() =>
      parseEnv({ ...rest, FORM_SECRET: "dev-only-secret-do-not-use-in-production-0123456789" }),
    ).toThrowError(/development default/);
  });
});

describe("weak production settings are refused, naming the variable and why", () => {
  const refused = (overrides: Record<string, string>) => {
    try {
      parseEnv({ ...production, ...overrides });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error(`accepted ${JSON.stringify(overrides)}`);
  };

  it("the .env.example placeholder as FORM_SECRET", () => {
    const example = fs.readFileSync(".env.example", "utf8");
    const placeholder = /^FORM_SECRET=(.+)$/m.exec(example)?.[1];
    expect(placeholder).toBeTruthy();
    expect(refused({ FORM_SECRET: placeholder! })).toMatch(/FORM_SECRET: .*placeholder from \.env\.example/);
    // Any "change me" secret is a placeholder, not a secret.
    expect(refused({ FORM_SECRET: "CHANGE-ME-this-is-not-set-yet-0123456789abc" })).toMatch(
      /FORM_SECRET: .*placeholder/,
    );
  });

  it("32 identical characters, or a short pattern repeated", () => {
    expect(refused({ FORM_SECRET: "a".repeat(32) })).toMatch(/FORM_SECRET: .*only 1 different character/);
    expect(refused({ FORM_SECRET: "abcd".repeat(10) })).toMatch(/FORM_SECRET: .*only 4 different characters/);
    expect(refused({ FORM_SECRET: "0123456789abcdef".repeat(3) })).toMatch(/FORM_SECRET: .*repeats/);
  });

  it("never prints the secret it refuses", () => {
    expect(refused({ FORM_SECRET: "x".repeat(40) })).not.toContain("xxxxxxxx");
  });

  it("accepts a generated secret (base64url and hex)", () => {
    expect(
      parseEnv({ ...production, FORM_SECRET: "kR3v9QpZ0xN7mB2wL5tY8cF1hJ4dS6gA-uE_oI0pQzA" }).FORM_SECRET,
    ).toHaveLength(43);
    expect(
      parseEnv({ ...production, FORM_SECRET: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }),
    ).toBeTruthy();
  });

  it("a MAIL_FROM without an address", () => {
    expect(refused({ MAIL_FROM: "FS Dev website" })).toMatch(/MAIL_FROM: .*address/);
    expect(refused({ MAIL_FROM: "FS Dev <>" })).toMatch(/MAIL_FROM: .*address/);
    expect(refused({ MAIL_FROM: "FS Dev <website@localhost>" })).toMatch(/MAIL_FROM: .*address/);
    expect(parseEnv({ ...production, MAIL_FROM: "website@example.com" }).MAIL_FROM).toBe("website@example.com");
    expect(parseEnv({ ...production, MAIL_FROM: '"FS Dev, Stilbaai" <website@example.com>' })).toBeTruthy();
  });

  it("the development defaults still run locally", () => {
    expect(parseEnv({}).MAIL_FROM).toContain("@localhost");
  });
});

describe("security headers", () => {
  it("has a CSP with no third-party origin, no eval in production, and the locked-down directives", () => {
    const csp = contentSecurityPolicy(true);
    for (const directive of [
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "default-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(csp).not.toMatch(/\*/);
  });

  it("sends HSTS only in production", () => {
    expect(securityHeaders(true).map((header) => header.key)).toContain("Strict-Transport-Security");
    expect(securityHeaders(false).map((header) => header.key)).not.toContain("Strict-Transport-Security");
  });
});
