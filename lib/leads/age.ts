/** The inbox's age filter: how long ago a lead arrived, as choices a URL can carry. */

const DAY_MS = 86_400_000;

/** Each choice's label and its window back from now (`olderThan`: before that many days; otherwise within). */
export const AGE_FILTERS = {
  "1d": { label: "Last 24 hours", days: 1, olderThan: false },
  "7d": { label: "Last 7 days", days: 7, olderThan: false },
  "30d": { label: "Last 30 days", days: 30, olderThan: false },
  "over-30d": { label: "Older than 30 days", days: 30, olderThan: true },
} as const;

export type AgeKey = keyof typeof AGE_FILTERS;

export function isAgeKey(value: string): value is AgeKey {
  return Object.hasOwn(AGE_FILTERS, value);
}

/** The Prisma condition on `createdAt` for an age choice. */
export function ageRange(age: AgeKey, now: Date): { gte: Date } | { lt: Date } {
  const { days, olderThan } = AGE_FILTERS[age];
  const edge = new Date(now.getTime() - days * DAY_MS);
  return olderThan ? { lt: edge } : { gte: edge };
}
