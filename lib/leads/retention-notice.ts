/**
 * The privacy notice's retention periods, filled in from the settings the purge enforces, so the notice and
 * the code cannot say different things. content/pages/privacy.mdx writes `[[lead-retention]]` and the like.
 */
import type { NoticeSettings } from "@/lib/server/env";

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

export function retentionFacts(settings: NoticeSettings): Record<string, string> {
  return {
    "lead-retention": plural(settings.LEAD_RETENTION_MONTHS, "month"),
    "spam-retention": plural(settings.SPAM_RETENTION_DAYS, "day"),
    "mail-body-retention": plural(settings.MAIL_BODY_RETENTION_DAYS, "day"),
    "ip-hash-retention": plural(settings.RATE_LIMIT_WINDOW_MINUTES, "minute"),
    // The form's token cookie (lib/quotes/form-cookie.ts) lasts as long as a token is accepted.
    "form-cookie-retention": plural(settings.FORM_TOKEN_MAX_AGE_HOURS, "hour"),
    // The daily backups (lib/ops/daily-backup.ts) keep the newest BACKUP_KEEP, one a day.
    "backup-retention": plural(settings.BACKUP_KEEP, "day"),
  };
}

/** Replaces every `[[name]]` with its period; an unknown name is an error (a typo must not reach the notice). */
export function fillRetention(text: string, settings: NoticeSettings, file = "the privacy notice"): string {
  const facts = retentionFacts(settings);
  return text.replace(/\[\[([a-z-]+)\]\]/g, (match, name: string) => {
    const value = facts[name];
    if (value === undefined)
      throw new Error(
        `${file}: unknown placeholder ${match} (known: ${Object.keys(facts)
          .map((k) => `[[${k}]]`)
          .join(", ")})`,
      );
    return value;
  });
}
