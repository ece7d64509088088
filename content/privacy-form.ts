import type { PrivacyFormCopy } from "@/lib/privacy/copy-schema";

/** Every word of the privacy request form (/privacy/request) and of the page its emailed link opens. */
export const privacyForm: PrivacyFormCopy = {
  title: "Privacy request",
  description: "Ask to see, correct or delete the personal information FS Dev holds about you.",
  intro:
    "Under POPIA you may ask what we hold about you, have it corrected, or have it deleted. To make sure nobody " +
    "asks about someone else's information, we email a link to the address you give: your request reaches us " +
    "once you open it and confirm.",
  legend: "Your request",
  email: { label: "Your email address", hint: "The address you used with us. The confirmation link goes here." },
  kind: {
    legend: "What would you like us to do?",
    options: {
      access: "Send me a copy of what you hold about me (by email, to this address)",
      correction:
        "Correct my details (we delete what we hold, and you send a new request with the right details)",
      deletion: "Delete everything you hold about me",
    },
  },
  details: { label: "Anything we should know", hint: "Optional. Please do not include passwords or ID numbers." },
  honeypot: "Leave this field empty",
  submit: "Send privacy request",
  pending: "Sending…",
  errorSummary: "Please correct the following:",
  rateLimited: "Too many requests from your connection. Please wait a few minutes and try again.",
  unavailable: "We could not take your request just now. Please try again in a minute.",
  expired: "This form was open for a long time. Please press the button again to send it.",
  unconfirmed: "Please press the button again to send your request.",
  sent: {
    heading: "Check your inbox",
    text:
      "If the address is valid, we have emailed it a link. Open it and confirm, and your request reaches us; the " +
      "link works for a limited time. If no email arrives, check your spam folder or send the form again later.",
  },
  confirm: {
    title: "Confirm your privacy request",
    text: "Press the button to confirm the request you made with this link's email address.",
    button: "Confirm my request",
    done: {
      heading: "Your request has reached us",
      text: "Thank you. We answer privacy requests as soon as we can, by email to the address you confirmed.",
    },
    invalid: {
      heading: "This link no longer works",
      text: "The link was already used, or it has expired. You can send a new request.",
      again: "Send a new privacy request",
    },
  },
};
