import type { DeskAction } from "@/lib/leads/action-state";
import type { DueState } from "@/lib/leads/response-due";
import { localDateTime } from "@/lib/text/local-time";
import { DueTime } from "./due-time";
import { MarkAnsweredForm } from "./mark-answered-form";

/**
 * A lead's place on the response clock: when it was first answered, or, while unanswered, its due time (for a
 * New lead) and "Mark as answered" for an answer given from the owner's own mail client. A live region: once
 * marked, the refreshed page replaces the form with the time of the first response, and that is announced.
 */
export function ResponsePanel(props: Parameters<typeof ResponseState>[0]) {
  return (
    <div aria-live="polite" data-testid="response-panel">
      <ResponseState {...props} />
    </div>
  );
}

function ResponseState({
  reference,
  status,
  firstResponseAt,
  due,
  timeZone,
  markAnswered,
}: {
  reference: string;
  status: string;
  firstResponseAt: Date | null;
  /** Only for a New lead that is still waiting. */
  due: DueState | null;
  timeZone: string;
  markAnswered: DeskAction;
}) {
  if (firstResponseAt)
    return (
      <p data-testid="first-response">
        First answered <time dateTime={firstResponseAt.toISOString()}>{localDateTime(firstResponseAt, timeZone)}</time>.
      </p>
    );
  if (status === "spam") return null;
  return (
    <div className="space-y-3">
      {due ? (
        <p>
          Answer due: <DueTime due={due} />
        </p>
      ) : (
        <p>Not answered yet.</p>
      )}
      <MarkAnsweredForm reference={reference} action={markAnswered} />
    </div>
  );
}
