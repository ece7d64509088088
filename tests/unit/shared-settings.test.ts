// The settings every instance must share (lib/server/env.ts) and their keyed digest (lib/ops/shared-settings.ts):
// what may differ per instance changes nothing, every other setting and the key itself change the digest.
import { describe, expect, it } from "vitest";
import { settingsDigest } from "@/lib/ops/shared-settings";
import { parseEnv, PER_INSTANCE_SETTINGS, sharedSettings } from "@/lib/server/env";
import { PRODUCTION_SETTINGS } from "../helpers/production-settings";

const base = {
  ...PRODUCTION_SETTINGS,
  DATABASE_URL: "postgresql://app@db-1:5432/fsdev",
  CRON_SECRET: "cron-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
};
const digestOf = (overrides: Record<string, string>) => {
  const settings = parseEnv({ ...base, ...overrides });
  return settingsDigest(sharedSettings(settings), settings.FORM_SECRET);
};

describe("shared settings", () => {
  const digest = digestOf({});

  it("is a keyed digest that names no setting", () => {
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf({})).toBe(digest);
  });

  it("does not change with what each instance may set for itself", () => {
    expect(
      digestOf({
        DATABASE_URL: "postgresql://app@db-2.internal:5432/fsdev?sslmode=require",
        MAIL_DIR: "/var/lib/fsdev/mail",
        SMTP_URL: "smtp://relay:pw@127.0.0.1:25",
        SMTP_TIMEOUT_MS: "5000",
        DB_BUSY_TIMEOUT_MS: "2000",
        BACKUP_DIR: "/srv/backups/fsdev",
        MAIL_TRANSPORT: "smtp",
      }),
    ).toBe(digest);
  });

  it("changes with every setting the instances share, with the key, and with the way mail is sent", () => {
    const changes: Record<string, string> = {
      FORM_SECRET: "another-production-secret-long-enough-4567",
      SITE_URL: "https://example.com",
      CRON_SECRET: "another-cron-secret-0123456789-abcdefghijklmn",
      QUOTE_TO: "sales@example.com",
      OWNER_EMAIL: "francois@example.com",
      DESK_URL: "https://desk.example.com",
      TRUSTED_PROXY_HOPS: "2",
      RATE_LIMIT_MAX: "6",
      MIN_SUBMIT_SECONDS: "4",
      LEAD_RETENTION_MONTHS: "6",
      MAIL_TRANSPORT: "file",
      BACKUP_KEEP: "14",
    };
    for (const [name, value] of Object.entries(changes))
      expect(digestOf({ [name]: value }), `${name} changed`).not.toBe(digest);
  });

  it("compares every setting but the per-instance ones", () => {
    const names = Object.keys(sharedSettings(parseEnv(base)));
    for (const name of PER_INSTANCE_SETTINGS) expect(names).not.toContain(name);
    expect(names).toEqual(expect.arrayContaining(["FORM_SECRET", "SITE_URL", "CRON_SECRET", "mailTransport"]));
    // An optional setting left unset still counts: one instance with it and one without differ.
    expect(sharedSettings(parseEnv({ ...base, CRON_SECRET: "" }))).toHaveProperty("CRON_SECRET", null);
  });
});
