import type { TokenCheck } from "./form-token";

/** Content signals, each with a weight; a request scoring SPAM_THRESHOLD or more is flagged. */
const PATTERNS: { pattern: RegExp; weight: number; reason: string }[] = [
  { pattern: /\b(viagra|cialis|casino|porn|xxx|escort|replica watches)\b/i, weight: 5, reason: "blocked-words" },
  {
    pattern: /\b(crypto ?currency|bitcoin|forex|binary options)\b.{0,40}\b(invest|profit|signals|earn)/i,
    weight: 4,
    reason: "finance-pitch",
  },
  {
    pattern: /\b(buy|cheap|guaranteed)\b.{0,30}\bbacklinks?\b|\bbacklinks?\b.{0,30}\b(package|for sale|cheap)\b/i,
    weight: 4,
    reason: "backlink-pitch",
  },
  { pattern: /\[url=|<a\s+href=|\[link=/i, weight: 4, reason: "link-markup" },
  {
    pattern: /\b(we|i) (can|will) (rank|get) your (website|site) (on|to) (the )?first page\b/i,
    weight: 3,
    reason: "seo-pitch",
  },
  { pattern: /\b(payday|instant) loans?\b/i, weight: 4, reason: "loan-pitch" },
];

export const SPAM_THRESHOLD = 5;

export function contentScore(text: string): { score: number; reasons: string[] } {
  let score = 0;
  const reasons: string[] = [];
  const links = text.match(/\bhttps?:\/\/|\bwww\./gi)?.length ?? 0;
  if (links >= 3) {
    score += Math.min(6, links);
    reasons.push(`links:${links}`);
  }
  for (const { pattern, weight, reason } of PATTERNS) {
    if (pattern.test(text)) {
      score += weight;
      reasons.push(reason);
    }
  }
  const letters = text.replace(/[^A-Za-z]/g, "");
  if (letters.length > 40 && letters === letters.toUpperCase()) {
    score += 2;
    reasons.push("all-caps");
  }
  return { score, reasons };
}

export type SpamVerdict = { spam: boolean; score: number; reasons: string[] };

/** Every signal together: the honeypot, the token's age and integrity, and the content score. */
export function judge(input: {
  honeypot: string | undefined;
  token: TokenCheck;
  minSeconds: number;
  /** The name alone (also part of `text`). */
  name?: string;
  text: string;
}): SpamVerdict {
  const content = contentScore(input.text);
  const reasons = [...content.reasons];
  let score = content.score;
  // A person's name holds no link; in a name it is a lure for whoever reads our emails.
  if (input.name !== undefined && /\bhttps?:\/\/|\bwww\./i.test(input.name)) {
    score += SPAM_THRESHOLD;
    reasons.push("link-in-name");
  }
  if (input.honeypot && input.honeypot.trim() !== "") {
    score += 10;
    reasons.push("honeypot");
  }
  if (!input.token.ok) {
    score += 10;
    reasons.push(`token:${input.token.reason}`);
  } else if (input.token.ageSeconds < input.minSeconds) {
    score += 10;
    reasons.push(`too-fast:${input.token.ageSeconds.toFixed(1)}s`);
  }
  return { spam: score >= SPAM_THRESHOLD, score, reasons };
}
