import type { ContactFacts } from "../../lib/content/schemas";

/**
 * What the fixture site (tests/setup/fixture-site.ts) adds to a copy of the project, and what
 * tests/e2e/fixture-site.spec.ts expects to find there: every contact fact, and one real case study.
 */

/** Filled into content/site.ts's `contact: {}` (example.com-style values that pass the schema). */
export const FIXTURE_CONTACT = {
  email: "hello@fsdev.example",
  phone: "+27 21 000 0000",
  linkedin: "https://www.linkedin.com/company/fsdev-example",
  github: "https://github.com/fsdev-example",
} as const satisfies Required<ContactFacts>;

/** A published, non-example case study, written from one of the example entries. */
export const FIXTURE_CASE_STUDY = {
  /** The example in content/case-studies/ it is copied from (its body and other fields are kept). */
  from: "agency-seo-audit-automation",
  slug: "fixture-agency-reporting",
  title: "Fixture: weekly reporting pipeline for an agency",
  description: "A published case study written by the fixture site so the tests see a real entry in production.",
  /** A file name in content/services: its page lists the case study. */
  service: "seo-tooling",
} as const;

/**
 * A content page that gains a client component in the fixture build (a note that says when React has hydrated
 * it): the build step must see it in the build's output and leave that page its scripts.
 */
export const FIXTURE_CLIENT_PAGE = {
  path: "/privacy",
  /** The page's source file in the copy, and the one line that renders it. */
  file: "app/(site)/privacy/page.tsx",
  render: '  return <ContentPage page={page} path="/privacy" before={updated} />;',
  testId: "fixture-client-note",
} as const;
