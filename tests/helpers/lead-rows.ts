import { emailKey, searchTextOf } from "@/lib/leads/keys";

/** A stored quote request's columns for tests that write rows directly (the pipeline has its own tests). */
export function leadRow(input: { reference: string; name: string; email: string; status?: string; createdAt?: Date }) {
  const createdAt = input.createdAt ?? new Date();
  return {
    reference: input.reference,
    status: input.status ?? "new",
    name: input.name,
    email: input.email,
    emailKey: emailKey(input.email),
    searchText: searchTextOf({
      reference: input.reference,
      name: input.name,
      email: input.email,
      company: null,
      description: "A project.",
    }),
    interest: "other",
    interestLabel: "Something else",
    budget: "Not sure yet",
    timeline: "Flexible",
    description: "A project.",
    consentAt: createdAt,
    consentVersion: "2026-11-24",
    createdAt,
    activityAt: createdAt,
  };
}
