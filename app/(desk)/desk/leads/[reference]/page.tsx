import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DeskFrame } from "@/components/desk/desk-frame";
import { dateTime } from "@/components/desk/format";
import { LeadActions, type LeadActionSet } from "@/components/desk/lead-actions";
import { MailBadge } from "@/components/desk/mail-badge";
import { ReplyEntry } from "@/components/desk/reply-entry";
import { ReplySection } from "@/components/desk/reply-section";
import { mailKindLabel, mailRowStatus, mailWaiting } from "@/components/desk/mail-status";
import { serverContext } from "@/lib/server/context";
import { describeEvent } from "@/lib/leads/commands";
import { getLead, mailState } from "@/lib/leads/queries";
import { STATUS_LABELS, type LeadStatus } from "@/lib/leads/status";
import { deskErasePath, deskInboxPath, deskLeadPath } from "@/lib/routes";
import { addNoteAction } from "../../actions/add-note";
import { changeStatusAction } from "../../actions/change-status";
import { markSpamAction } from "../../actions/mark-spam";
import { releaseSpamAction } from "../../actions/release-spam";
import { replyAction } from "../../actions/reply";
import { retryMailAction } from "../../actions/retry-mail";
import { signOutAction } from "../../actions/sign-out";
import { requireOwner } from "../../guard";

type Props = {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Lead ${decodeURIComponent((await params).reference)}` };
}

const ACTIONS: LeadActionSet = {
  changeStatus: changeStatusAction,
  markSpam: markSpamAction,
  releaseSpam: releaseSpamAction,
  retryMail: retryMailAction,
  addNote: addNoteAction,
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export default async function LeadPage({ params, searchParams }: Props) {
  const owner = await requireOwner();
  const lead = await getLead(serverContext().db, decodeURIComponent((await params).reference));
  if (!lead) notFound();
  const status = STATUS_LABELS[lead.status as LeadStatus] ?? lead.status;
  const utm = (
    [
      ["source", lead.utmSource],
      ["medium", lead.utmMedium],
      ["campaign", lead.utmCampaign],
      ["term", lead.utmTerm],
      ["content", lead.utmContent],
    ] as const
  ).filter(([, value]) => value);

  return (
    <DeskFrame path={deskLeadPath(lead.reference)} owner={owner.email} signOut={signOutAction}>
      <p>
        <a href={deskInboxPath({ status: lead.status })} className="text-brand-800 underline underline-offset-4">
          Back to {status}
        </a>
      </p>
      <h1 className="mt-4 text-3xl font-bold">
        {lead.name} <span className="font-normal text-slate-700">· {lead.reference}</span>
      </h1>
      <p className="mt-2 text-lg" data-testid="lead-status">
        Status: <strong>{status}</strong> · Mail: <MailBadge state={mailState(lead.status, lead.outbox)} />
      </p>

      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-10">
          <Section id="request" title="Request">
            <dl className="mt-3">
              <Row label="Received">
                <time dateTime={lead.createdAt.toISOString()}>{dateTime(lead.createdAt)}</time>
              </Row>
              <Row label="Name">{lead.name}</Row>
              <Row label="Email">
                <a href={`mailto:${lead.email}`} className="text-brand-800 underline underline-offset-4">
                  {lead.email}
                </a>
              </Row>
              <Row label="Company">{lead.company ?? "Not given"}</Row>
              <Row label="Phone">{lead.phone ?? "Not given"}</Row>
              <Row label="Interested in">{lead.interestLabel}</Row>
              <Row label="Budget">{lead.budget}</Row>
              <Row label="Timeline">{lead.timeline}</Row>
              <Row label="Description">
                <span className="whitespace-pre-wrap">{lead.description}</span>
              </Row>
              <Row label="Consent">
                {dateTime(lead.consentAt)}, privacy notice version {lead.consentVersion}
              </Row>
            </dl>
          </Section>

          <Section id="source" title="Source and spam check">
            <dl className="mt-3">
              <Row label="Source page">{lead.sourcePath ?? "Unknown"}</Row>
              <Row label="UTM tags">
                {utm.length > 0 ? utm.map(([key, value]) => `${key}: ${value}`).join(", ") : "None"}
              </Row>
              <Row label="Spam score">
                {lead.spamScore}
                {lead.spamReason ? ` (${lead.spamReason})` : ""}
              </Row>
            </dl>
          </Section>

          <Section id="mail" title="Emails">
            {lead.outbox.length === 0 ? (
              <p className="mt-3 text-slate-700">
                {lead.status === "spam"
                  ? "Held back: spam is never mailed. “Not spam” sends both emails."
                  : "No email for this request."}
              </p>
            ) : (
              <ul className="mt-3 space-y-3">
                {lead.outbox.map((row) => (
                  <li key={row.id} className="rounded-md border border-slate-200 p-3" data-testid={`mail-${row.kind}`}>
                    <p className="font-semibold">
                      {mailKindLabel(row.kind)} <span className="font-normal">({row.recipient})</span>
                    </p>
                    <p className="mt-1 text-slate-800">{mailRowStatus(row)}</p>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="timeline" title="Timeline">
            <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4" data-testid="timeline">
              <li>
                <time dateTime={lead.createdAt.toISOString()} className="text-sm text-slate-700">
                  {dateTime(lead.createdAt)}
                </time>
                <p>Request received</p>
              </li>
              {lead.events.map((event) => (
                <li key={event.id}>
                  <time dateTime={event.createdAt.toISOString()} className="text-sm text-slate-700">
                    {dateTime(event.createdAt)} · {event.actor}
                  </time>
                  <p>{describeEvent(event)}</p>
                  {event.action === "note" ? (
                    <p className="whitespace-pre-wrap text-slate-800">{event.detail}</p>
                  ) : null}
                  {event.action === "reply" ? <ReplyEntry leadId={lead.id} at={event.createdAt} /> : null}
                </li>
              ))}
            </ol>
          </Section>

          <ReplySection lead={lead} action={replyAction} template={(await searchParams).template} />
        </div>

        <Section id="actions" title="Actions" className="self-start rounded-lg border border-slate-200 p-5">
          <div className="mt-4">
            <LeadActions
              actions={ACTIONS}
              reference={lead.reference}
              status={lead.status}
              mailWaiting={mailWaiting(lead.outbox)}
            />
          </div>
          <p className="mt-8">
            <a href={deskErasePath(lead.reference)} className="text-red-800 underline underline-offset-4">
              Erase this person…
            </a>
          </p>
        </Section>
      </div>
    </DeskFrame>
  );
}

/** A part of the lead's page, named by its heading. */
function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
