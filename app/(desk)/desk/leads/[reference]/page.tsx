import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DeskFrame } from "@/components/desk/desk-frame";
import { dateTime } from "@/components/desk/format";
import { KeyboardShortcuts } from "@/components/desk/keyboard-shortcuts";
import { LeadActions, type LeadActionSet } from "@/components/desk/lead-actions";
import { LeadPlan, type LeadPlanActions } from "@/components/desk/lead-plan";
import { MailBadge } from "@/components/desk/mail-badge";
import { ReplyEntry } from "@/components/desk/reply-entry";
import { ReplySection } from "@/components/desk/reply-section";
import { ResponsePanel } from "@/components/desk/response-panel";
import { mailKindLabel, mailRowStatus, mailWaiting } from "@/components/desk/mail-status";
import { serverContext } from "@/lib/server/context";
import { describeEvent } from "@/lib/leads/commands";
import { formatMoney } from "@/lib/leads/deal-value";
import { isoDay } from "@/lib/leads/next-steps";
import { getLead, mailState } from "@/lib/leads/queries";
import { dueState } from "@/lib/leads/response-due";
import { STATUS_LABELS, type LeadStatus } from "@/lib/leads/status";
import { deskErasePath, deskInboxPath, deskLeadPath } from "@/lib/routes";
import { addNoteAction } from "../../actions/add-note";
import { changeStatusAction } from "../../actions/change-status";
import { markAnsweredAction } from "../../actions/mark-answered";
import { markSpamAction } from "../../actions/mark-spam";
import { releaseSpamAction } from "../../actions/release-spam";
import { replyAction } from "../../actions/reply";
import { retryMailAction } from "../../actions/retry-mail";
import { setDealValueAction } from "../../actions/set-deal-value";
import { setNextStepAction } from "../../actions/set-next-step";
import { signOutAction } from "../../actions/sign-out";
import { requireOwner } from "../../guard";
import { overdueNow } from "../../overdue";

type Props = {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Lead ${decodeURIComponent((await params).reference)}` };
}

const PLAN_ACTIONS: LeadPlanActions = { setDealValue: setDealValueAction, setNextStep: setNextStepAction };

/** A phone number as a `tel:` link: digits and a leading plus only. */
function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/\D/g, "")}`;
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
  const reference = decodeURIComponent((await params).reference);
  const owner = await requireOwner(deskLeadPath(reference));
  const { db, settings } = serverContext();
  const zone = settings.BUSINESS_TIME_ZONE;
  const lead = await getLead(db, reference);
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
    <DeskFrame
      path={deskLeadPath(lead.reference)}
      owner={owner.email}
      signOut={signOutAction}
      overdue={await overdueNow()}
    >
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
      {lead.dealAmount !== null || lead.nextStep ? (
        <p className="mt-1 text-slate-800" data-testid="lead-plan">
          {lead.dealAmount !== null && lead.dealCurrency
            ? `Deal value: ${formatMoney(lead.dealAmount, lead.dealCurrency)}`
            : ""}
          {lead.dealAmount !== null && lead.nextStep ? " · " : ""}
          {lead.nextStep && lead.nextStepAt ? `Next step: ${lead.nextStep} by ${isoDay(lead.nextStepAt)}` : ""}
        </p>
      ) : null}

      <div className="mt-4">
        <KeyboardShortcuts mode="lead" />
      </div>

      {/* Actions come first: at the top on a phone, in the right-hand column on a wide screen. */}
      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_22rem]">
        <Section
          id="actions"
          title="Actions"
          className="self-start rounded-lg border border-slate-200 p-5 lg:col-start-2 lg:row-start-1"
        >
          <div className="mt-4 space-y-8">
            <ResponsePanel
              reference={lead.reference}
              status={lead.status}
              firstResponseAt={lead.firstResponseAt}
              due={lead.status === "new" ? dueState(lead.createdAt, new Date(), serverContext().clock) : null}
              timeZone={serverContext().clock.timeZone}
              markAnswered={markAnsweredAction}
            />
            <LeadActions
              actions={ACTIONS}
              reference={lead.reference}
              status={lead.status}
              mailWaiting={mailWaiting(lead.outbox)}
            />
            <LeadPlan
              actions={PLAN_ACTIONS}
              reference={lead.reference}
              deal={{ amount: lead.dealAmount, currency: lead.dealCurrency }}
              next={{ step: lead.nextStep, due: lead.nextStepAt ? isoDay(lead.nextStepAt) : null }}
            />
          </div>
          <p className="mt-8">
            <a href={deskErasePath(lead.reference)} className="text-red-700 underline underline-offset-4">
              Erase this person…
            </a>
          </p>
        </Section>
        <div className="space-y-10 lg:col-start-1 lg:row-start-1">
          <Section id="request" title="Request">
            <dl className="mt-3">
              <Row label="Received">
                <time dateTime={lead.createdAt.toISOString()}>{dateTime(lead.createdAt, zone)}</time>
              </Row>
              <Row label="Name">{lead.name}</Row>
              <Row label="Email">
                <a href={`mailto:${lead.email}`} className="text-brand-800 underline underline-offset-4">
                  {lead.email}
                </a>
              </Row>
              <Row label="Company">{lead.company ?? "Not given"}</Row>
              <Row label="Phone">
                {lead.phone ? (
                  <a href={telHref(lead.phone)} className="text-brand-800 underline underline-offset-4">
                    {lead.phone}
                  </a>
                ) : (
                  "Not given"
                )}
              </Row>
              <Row label="Interested in">{lead.interestLabel}</Row>
              <Row label="Budget">{lead.budget}</Row>
              <Row label="Timeline">{lead.timeline}</Row>
              <Row label="Description">
                <span className="whitespace-pre-wrap">{lead.description}</span>
              </Row>
              <Row label="Consent">
                {dateTime(lead.consentAt, zone)}, privacy notice version {lead.consentVersion}
              </Row>
            </dl>
          </Section>

          <Section id="source" title="Source and spam check">
            <dl className="mt-3">
              <Row label="Page before the form">{lead.referrerPath ?? "Unknown"}</Row>
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
                    <p className="mt-1 text-slate-800">{mailRowStatus(row, zone)}</p>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="timeline" title="Timeline">
            <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4" data-testid="timeline">
              <li>
                <time dateTime={lead.createdAt.toISOString()} className="text-sm text-slate-700">
                  {dateTime(lead.createdAt, zone)}
                </time>
                <p>Request received</p>
              </li>
              {lead.events.map((event) => (
                <li key={event.id}>
                  <time dateTime={event.createdAt.toISOString()} className="text-sm text-slate-700">
                    {dateTime(event.createdAt, zone)} · {event.actor}
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
