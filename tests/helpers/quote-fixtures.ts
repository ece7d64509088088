import { site } from "@/content/site";
import type { MailContext } from "@/lib/mail/render";
import { issueFormToken } from "@/lib/quotes/form-token";
import type { RawSubmission, SubmitDeps } from "@/lib/quotes/submit";
import type { ClockSettings } from "@/lib/server/env";

export const SECRET = "unit-test-form-secret-0123456789-abcdef";

/** The response clock's settings at their defaults (Africa/Johannesburg, Mon-Fri 08:00-17:00, ZA, 8 hours). */
export const clockEnv: ClockSettings = {
  BUSINESS_TIME_ZONE: "Africa/Johannesburg",
  BUSINESS_DAYS: "Mon-Fri",
  BUSINESS_HOURS: "08:00-17:00",
  PUBLIC_HOLIDAYS: "ZA",
  CLOSED_DAYS: "",
  RESPONSE_TARGET_HOURS: 8,
};

/** Must match the FORM_SECRET of tests/helpers/quote-server.ts to seed rows for a server it starts. */
export const migratedDbEnv: SubmitDeps["env"] = {
  FORM_SECRET: "load-test-form-secret-0123456789-abcdefghij",
  FORM_TOKEN_MAX_AGE_HOURS: 24,
  FORM_TOKEN_MAX_LEADS: 3,
  MIN_SUBMIT_SECONDS: 0,
  RATE_LIMIT_MAX: 5,
  RATE_LIMIT_WINDOW_MINUTES: 10,
  CONFIRMATIONS_PER_HOUR: 500,
  QUOTE_TO: "owner@fsdev.test",
  ...clockEnv,
};

export const testEnv: SubmitDeps["env"] = {
  FORM_SECRET: SECRET,
  FORM_TOKEN_MAX_AGE_HOURS: 24,
  FORM_TOKEN_MAX_LEADS: 3,
  MIN_SUBMIT_SECONDS: 3,
  RATE_LIMIT_MAX: 5,
  RATE_LIMIT_WINDOW_MINUTES: 10,
  CONFIRMATIONS_PER_HOUR: 500,
  QUOTE_TO: "owner@fsdev.test",
  ...clockEnv,
};

/** What the emails say about the site, as the app wires it from content/site.ts and SITE_URL. */
export const testMail: MailContext = {
  siteName: site.name,
  siteUrl: "http://localhost:3000",
  ownerName: site.owner.name,
  ownerRole: site.owner.role,
  contact: {},
  timeZone: "Africa/Johannesburg",
};

/** A form token issued `secondsAgo` seconds ago, as a real rendering of the form would carry. */
export function tokenFrom(secondsAgo: number, secret = SECRET): string {
  return issueFormToken(secret, new Date(Date.now() - secondsAgo * 1000));
}

export function validSubmission(overrides: RawSubmission = {}): RawSubmission {
  return {
    name: "Ada Lovelace",
    email: "Ada@Example.COM",
    company: "Analytical Engines",
    phone: "+27 82 123 4567",
    interest: "service:seo-tooling",
    budget: "50k-150k",
    timeline: "1-3-months",
    description: "We need a tool that checks our clients' sites every week and writes a short report.",
    consent: "yes",
    formToken: tokenFrom(30),
    referrerPath: "/services/seo-tooling",
    utm_source: "newsletter",
    utm_medium: "email",
    ...overrides,
  };
}
