"use client";

import { useRef, useState, type FormEvent } from "react";
import { listPlaceholders, REPLY_PLACEHOLDERS } from "@/lib/content/placeholders";
import { echoedValue, fieldErrors, type DeskAction } from "@/lib/leads/action-state";
import { REPLY_BODY_MAX_LENGTH, REPLY_SUBJECT_MAX_LENGTH } from "@/lib/leads/reply-limits";
import { ActionForm, DeskField } from "./action-form";

/** A template as the Reply form offers it: its text already filled with this lead's values where it has them. */
export type ReplyTemplateChoice = {
  slug: string;
  title: string;
  body: string;
  /** What the filled text still needs from the owner, e.g. "{company} has no value here (...)". */
  notes: string[];
};

type Props = {
  action: DeskAction;
  reference: string;
  /** The lead's page: where both forms post without JavaScript. */
  path: string;
  subject: string;
  templates: ReplyTemplateChoice[];
  /** The template chosen by "Use template" without JavaScript (?template=), already in the body. */
  chosen?: ReplyTemplateChoice;
};

const CONTROL = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3";

/**
 * The Reply form: a template choice ("Use template" fills the body; without JavaScript it reloads the page with
 * the template in), the subject and the plain-text body, posted to the guarded reply action.
 */
export function ReplyForm({ action, reference, path, subject, templates, chosen }: Props) {
  const body = useRef<HTMLTextAreaElement>(null);
  const [notes, setNotes] = useState<string[]>(chosen?.notes ?? []);

  function applyTemplate(event: FormEvent<HTMLFormElement>) {
    const slug = new FormData(event.currentTarget).get("template");
    const template = templates.find((entry) => entry.slug === slug);
    if (!template || !body.current) return;
    event.preventDefault();
    body.current.value = template.body;
    setNotes(template.notes);
    body.current.focus();
  }

  return (
    <div className="mt-4 space-y-6">
      {templates.length > 0 ? (
        <form method="get" action={`${path}#reply`} onSubmit={applyTemplate} aria-label="Choose a reply template">
          <label htmlFor="reply-template" className="block font-semibold">
            Template
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <select
              id="reply-template"
              name="template"
              defaultValue={chosen?.slug ?? templates[0]!.slug}
              aria-describedby="reply-template-hint"
              className="min-h-11 rounded-md border border-slate-400 bg-white px-3"
            >
              {templates.map((template) => (
                <option key={template.slug} value={template.slug}>
                  {template.title}
                </option>
              ))}
            </select>
            <button type="submit" className="button-secondary">
              Use template
            </button>
          </div>
          <p id="reply-template-hint" className="mt-1 text-sm text-slate-700">
            Puts the template into the reply below, replacing what is there.
          </p>
        </form>
      ) : null}

      <ActionForm
        path={path}
        action={action}
        submitLabel="Send reply"
        pendingLabel="Sending…"
        label="Reply"
        buttonClassName="button-primary"
      >
        {(state) => (
          <>
            <input type="hidden" name="reference" value={reference} />
            <DeskField id="reply-subject" label="Subject" errors={fieldErrors(state, "subject")}>
              {(control) => (
                <input
                  {...control}
                  name="subject"
                  type="text"
                  maxLength={REPLY_SUBJECT_MAX_LENGTH}
                  defaultValue={echoedValue(state, "subject") ?? subject}
                  className={`${CONTROL} min-h-11`}
                />
              )}
            </DeskField>
            <DeskField id="reply-body" label="Message" errors={fieldErrors(state, "body")}>
              {(control) => (
                <textarea
                  {...control}
                  ref={body}
                  name="body"
                  rows={12}
                  maxLength={REPLY_BODY_MAX_LENGTH}
                  aria-describedby={["reply-body-hint", control["aria-describedby"]].filter(Boolean).join(" ")}
                  defaultValue={echoedValue(state, "body") ?? chosen?.body ?? ""}
                  className={`${CONTROL} py-2`}
                />
              )}
            </DeskField>
            <div id="reply-body-hint" className="text-sm text-slate-700">
              <p>
                Plain text. {listPlaceholders(REPLY_PLACEHOLDERS, "and")} are filled in with this lead&apos;s details
                when it is sent.
              </p>
              {notes.length > 0 ? (
                <ul className="mt-1 list-disc pl-5 text-amber-900" data-testid="reply-notes">
                  {notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </>
        )}
      </ActionForm>
    </div>
  );
}
