import type { QuoteFormCopy } from "@/lib/quotes/copy-schema";

/**
 * Every word of the "Request a quote" form. The service and product choices come from
 * content/services and content/products; only the catch-all choice is named here.
 * Change `consentVersion` whenever `consentNotice` changes: each request stores the version it was sent with.
 */
export const quoteForm: QuoteFormCopy = {
  intro: "Fields marked required are needed to reply. Everything else helps us prepare.",
  legend: "Your project",
  fields: {
    name: { label: "Your name" },
    email: { label: "Email address", hint: "We reply to this address." },
    company: { label: "Company or organisation" },
    phone: { label: "Phone number", hint: "Include the country code if you are outside South Africa, e.g. +27 82 123 4567." },
    interest: {
      label: "What can we help with?",
      placeholder: "Choose a service or product",
      otherLabel: "Something else",
    },
    budget: {
      label: "Budget range",
      hint: "Amounts in South African rand (ZAR). Another currency? Pick the nearest range, or Not sure yet, and mention your budget below.",
      placeholder: "Choose a range",
      options: [
        { value: "not-sure", label: "Not sure yet" },
        { value: "under-50k", label: "Under R50 000" },
        { value: "50k-150k", label: "R50 000 to R150 000" },
        { value: "150k-500k", label: "R150 000 to R500 000" },
        { value: "over-500k", label: "Over R500 000" },
      ],
    },
    timeline: {
      label: "When would you like to start?",
      placeholder: "Choose a timeline",
      options: [
        { value: "asap", label: "As soon as possible" },
        { value: "1-3-months", label: "In the next 1 to 3 months" },
        { value: "3-6-months", label: "In 3 to 6 months" },
        { value: "exploring", label: "Just exploring for now" },
      ],
    },
    description: {
      label: "About the project",
      hint: "What should it do, who will use it, and is there a deadline? At least 20 characters.",
    },
    consent: { label: "I agree that FS Dev may store and use these details to answer my request." },
    honeypot: { label: "Leave this field empty" },
  },
  optional: "(optional)",
  required: "(required)",
  servicesGroup: "Services",
  productsGroup: "Products",
  consentNotice:
    "FS Dev (Francois Schoeman, Stilbaai, South Africa) collects the details in this form, the page you came from and a keyed hash of your IP address to answer your request and protect the form from abuse. Only FS Dev reads them. We keep them for 12 months after our last contact, or for as long as a resulting project and tax law require. You may ask to see, correct or delete them at any time, as the Protection of Personal Information Act (POPIA) allows.",
  consentVersion: "2026-12-02",
  privacyLink: "Read the privacy notice",
  submit: "Send request",
  pending: "Sending…",
  errorSummary: "Please correct the highlighted fields and send again. Nothing was sent yet.",
  rateLimited:
    "We have received several requests from your connection in the last few minutes, so this one was not sent. Please wait a little and try again; everything you typed is still here.",
  unavailable:
    "Sorry, we could not save your request just now, so it was not sent. Please try again in a minute; everything you typed is still here.",
  expired:
    "This form was open for a long time, so for your security it was not sent. Everything you typed is still here: please press Send request again.",
  unconfirmed:
    "Your browser did not send this form's security check (this happens when cookies are blocked), so it was not sent yet. Everything you typed is still here: please press Send request again.",
  outdated:
    "The site was updated while you had this page open, so your request was not sent yet. Everything you typed is still here: please press Send request again.",
  tooLarge:
    "Your request was larger than the form allows, so it was not sent. Please keep the project description under 5,000 characters and send it again.",
  crossSite: "This request did not come from the FS Dev website, so it was not accepted. Please use the form on this site.",
  busy: "Too many requests are arriving at this moment, so yours was not sent. Please go back and send it again in a minute.",
  backToForm: "Back to the quote form",
  proxyError: {
    heading: "Sorry, the site could not answer just now",
    text: "If you were sending a request, it may not have arrived. Go back with your browser's Back button and send it again: that is safe, because a request that did arrive is recognised, and sending it twice never makes a second one. If a page would not load, please try again in a minute.",
  },
  success: {
    heading: "Thank you, your request is in",
    reference: "Your reference",
    text: "We sent a confirmation with your reference to your email address. Please quote the reference if you write to us.",
    promise: "You will hear from Francois by {due}.",
    nextSteps: [
      "Francois reads your request himself.",
      "He replies with questions or a time to talk.",
      "After a short call you receive a written proposal with scope, approach and cost.",
    ],
    another: "Send another request",
    bookCall: { lead: "Rather talk it through now?", link: "Book a call" },
  },
};
