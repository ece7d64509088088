/**
 * The privacy notice's facts, filled in from the settings the code enforces, so the notice and the code cannot
 * say different things. content/pages/privacy.mdx writes `[[lead-retention]]` and the like for a period, and
 * `[[if webhook]]...[[end]]` (or `[[if not webhook]]`) for words that hold only when lead alerts go to a webhook
 * receiver (`webhook-contact`: and carry the prospect's contact details); `[[webhook-host]]` names the receiver.
 */
import type { NoticeSettings } from "@/lib/server/env";
import { receiverHost } from "@/lib/webhooks/rows";
import { plural } from "@/lib/text/plural";

const period = (count: number, unit: string) => plural(count, unit, `${unit}s`);

export function retentionFacts(settings: NoticeSettings): Record<string, string> {
  return {
    "lead-retention": period(settings.LEAD_RETENTION_MONTHS, "month"),
    "spam-retention": period(settings.SPAM_RETENTION_DAYS, "day"),
    "mail-body-retention": period(settings.MAIL_BODY_RETENTION_DAYS, "day"),
    "ip-hash-retention": period(settings.RATE_LIMIT_WINDOW_MINUTES, "minute"),
    // The form's token cookie (lib/quotes/form-cookie.ts) lasts as long as a token is accepted.
    "form-cookie-retention": period(settings.FORM_TOKEN_MAX_AGE_HOURS, "hour"),
    // The daily backups (lib/ops/daily-backup.ts) keep the newest BACKUP_KEEP, one a day.
    "backup-retention": period(settings.BACKUP_KEEP, "day"),
    // Only the host: the rest of a webhook URL may hold a token (Slack's do).
    ...(settings.LEAD_WEBHOOK_URL ? { "webhook-host": receiverHost(settings.LEAD_WEBHOOK_URL) } : {}),
  };
}

/** The conditions `[[if ...]]` may test. */
export function noticeConditions(settings: NoticeSettings): Record<string, boolean> {
  const webhook = Boolean(settings.LEAD_WEBHOOK_URL);
  return { webhook, "webhook-contact": webhook && settings.LEAD_WEBHOOK_CONTACT };
}

/** The innermost `[[if name]]...[[end]]` (its text holds no other `[[if`). */
const INNERMOST_IF = /\[\[if (not )?([a-z-]+)\]\]((?:(?!\[\[if )[\s\S])*?)\[\[end\]\]/;

function keepConditional(text: string, conditions: Record<string, boolean>, file: string): string {
  let result = text;
  for (let match = INNERMOST_IF.exec(result); match; match = INNERMOST_IF.exec(result)) {
    const [whole, not, name, body] = match as unknown as [string, string | undefined, string, string];
    const holds = conditions[name];
    if (holds === undefined)
      throw new Error(`${file}: unknown condition [[if ${name}]] (known: ${Object.keys(conditions).join(", ")})`);
    result =
      result.slice(0, match.index) + (holds !== Boolean(not) ? body : "") + result.slice(match.index + whole.length);
  }
  const stray = /\[\[(if [^\]]*|end)\]\]/.exec(result);
  if (stray) throw new Error(`${file}: ${stray[0]} has no matching ${stray[1] === "end" ? "[[if ...]]" : "[[end]]"}`);
  return result;
}

/**
 * Keeps or drops each `[[if ...]]` part, then replaces every `[[name]]` with its fact; an unknown name or
 * condition, or an unbalanced `[[if]]`, is an error (a typo must not reach the notice).
 */
export function fillRetention(text: string, settings: NoticeSettings, file = "the privacy notice"): string {
  const facts = retentionFacts(settings);
  const kept = keepConditional(text, noticeConditions(settings), file);
  return kept.replace(/\[\[([a-z-]+)\]\]/g, (match, name: string) => {
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
