// Leads written straight into a database at chosen moments, for the response clock's tests (reminders, the
// digest, the first response), which need arrival times a real submission cannot have.
import type { Db } from "@/lib/db/client";
import { emailKey, searchTextOf } from "@/lib/leads/keys";

export type SeedLead = {
  reference: string;
  createdAt: Date;
  status?: string;
  activityAt?: Date;
  firstResponseAt?: Date | null;
  referrerPath?: string | null;
  utmCampaign?: string | null;
};

/** A visitor's name and address the follow-up emails must never carry. */
export const SEED_NAME = "Grace Hopper";
export const seedEmail = (reference: string) => `grace.${reference.toLowerCase()}@example.test`;

export async function seedLead(db: Db, lead: SeedLead) {
  const email = seedEmail(lead.reference);
  const description = "Please automate our weekly stock report.";
  return db.quoteRequest.create({
    data: {
      reference: lead.reference,
      status: lead.status ?? "new",
      name: SEED_NAME,
      email,
      emailKey: emailKey(email),
      searchText: searchTextOf({ reference: lead.reference, name: SEED_NAME, email, company: null, description }),
      interest: "service:automation",
      interestLabel: "Automation",
      budget: "R50 000 to R150 000",
      timeline: "As soon as possible",
      description,
      consentAt: lead.createdAt,
      consentVersion: "2026-12-02",
      referrerPath: lead.referrerPath === undefined ? "/services/automation" : lead.referrerPath,
      utmCampaign: lead.utmCampaign ?? null,
      createdAt: lead.createdAt,
      activityAt: lead.activityAt ?? lead.createdAt,
      firstResponseAt: lead.firstResponseAt ?? null,
    },
  });
}

/** Empties the tables the follow-ups read and write. */
export async function clearLeads(db: Db): Promise<void> {
  await db.outboxMessage.deleteMany();
  await db.leadEvent.deleteMany();
  await db.scheduledRun.deleteMany();
  await db.quoteRequest.deleteMany();
}
