import { z } from "zod";

/** Field helpers shared by every collection (and the quote form's copy, lib/quotes/copy-schema.ts). */
export const text = (max: number) => z.string().trim().min(1, { error: "must not be empty" }).max(max);
const isoDate = z.iso.date({ error: "must be a date written as YYYY-MM-DD" });
const localPath = z
  .string()
  .regex(/^\/(?!\/)[^\s]*$/, { error: "must be a site path starting with / (for example /quote)" });
const link = z.object({ label: text(60), href: localPath });
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be a file name without .mdx, e.g. seo-tooling" });
const https = z.url({ protocol: /^https$/, error: "must be an https:// address" });

/**
 * An image in public/ with its intrinsic size (so the page reserves its space) and alt text. The
 * loader checks that the file exists, so a wrong path fails the build instead of shipping a broken image.
 */
const image = z
  .object({
    src: localPath,
    alt: text(200),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    credit: text(120).optional(),
    creditUrl: https.optional(),
  })
  .strict();

/** Search-engine overrides any entry may carry; keep `title` short (the site name is added after it). */
const seo = z
  .object({
    title: text(60).optional(),
    description: text(170).optional(),
  })
  .strict()
  .optional();

const base = {
  title: text(90),
  description: text(200),
  draft: z.boolean().default(false),
  updated: isoDate.optional(),
  seo,
};

export const serviceSchema = z
  .object({
    ...base,
    summary: text(300),
    order: z.number().int().min(0).default(100),
    technologies: z.array(text(40)).min(1),
    deliverables: z.array(text(200)).min(2),
  })
  .strict();

export const productSchema = z
  .object({
    ...base,
    tagline: text(120),
    summary: text(300),
    order: z.number().int().min(0).default(100),
    url: https.optional(),
    category: text(60),
    features: z.array(text(200)).min(2),
    /** A screenshot or illustration of the product (replace the illustration with a real screenshot). */
    visual: image.optional(),
  })
  .strict();

/**
 * A case study: one piece of client work, from the problem to a measurable outcome. `example: true`
 * marks an illustrative entry: shown in development only, like a draft, never to visitors.
 */
export const caseStudySchema = z
  .object({
    ...base,
    /** The client's name, or their sector when the client prefers not to be named. */
    client: text(100),
    sector: text(80).optional(),
    problem: text(600),
    built: text(600),
    technologies: z.array(text(40)).min(1),
    outcome: text(400),
    /** The headline figure of the outcome, e.g. { value: "6 h", label: "saved per report" }. */
    metric: z
      .object({ value: text(20), label: text(80) })
      .strict()
      .optional(),
    quote: z
      .object({ text: text(600), name: text(80), role: text(120).optional() })
      .strict()
      .optional(),
    /** The related service (a file name in content/services); its page lists this case study. */
    service: slug,
    order: z.number().int().min(0).default(100),
    example: z.boolean().default(false),
  })
  .strict();

export const articleSchema = z
  .object({
    ...base,
    published: isoDate,
    author: text(80),
    tags: z.array(text(40)).default([]),
    heroImage: image,
    relatedProducts: z.array(slug).default([]),
  })
  .strict();

export const faqSchema = z
  .object({
    question: text(200),
    order: z.number().int().min(0).default(100),
    draft: z.boolean().default(false),
  })
  .strict();

/**
 * A reply template (content/replies/*.md): the title names it in the desk's template choice, the body is the
 * reply's plain text, with placeholders checked by lib/content/replies.ts.
 */
export const replyTemplateSchema = z
  .object({
    title: text(80),
    order: z.number().int().min(0).default(100),
    draft: z.boolean().default(false),
  })
  .strict();

/** Plain pages (about, FAQ, indexes, privacy, quote, 404): the h1 and its lead come from frontmatter. */
export const pageSchema = z
  .object({
    ...base,
    heading: text(120),
    lead: text(400).optional(),
  })
  .strict();

const section = { heading: text(120), intro: text(400).optional() };

export const homeSchema = z
  .object({
    ...base,
    hero: z
      .object({
        eyebrow: text(80).optional(),
        heading: text(120),
        lead: text(400),
        primaryCta: link,
        secondaryCta: link.optional(),
      })
      .strict(),
    services: z.object(section).strict(),
    products: z.object(section).strict(),
    differentiators: z
      .object({
        ...section,
        items: z
          .array(z.object({ title: text(80), text: text(400) }).strict())
          .min(3)
          .max(6),
      })
      .strict(),
    team: z.object({ ...section, text: text(800), link }).strict(),
    /** Lists the published case studies; the band is left out when there are none. */
    caseStudies: z.object(section).strict(),
    articles: z.object({ ...section, count: z.number().int().min(1).max(6).default(3), link }).strict(),
    video: z
      .object({
        ...section,
        title: text(120),
        src: localPath,
        type: z.enum(["video/mp4", "video/webm"]),
        poster: localPath,
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        captions: localPath,
        transcript: text(4000),
      })
      .strict(),
    faq: z.object({ ...section, count: z.number().int().min(1).max(10).default(3), link }).strict(),
  })
  .strict();

export const siteSchema = z
  .object({
    name: text(60),
    tagline: text(120),
    description: text(300),
    owner: z.object({ name: text(80), role: text(80), portrait: image }).strict(),
    /** Ways to reach FS Dev besides the form; each is optional and shown only when given. */
    contact: z
      .object({
        email: z.email({ error: "must be an email address" }).optional(),
        phone: z
          .string()
          .regex(/^\+[1-9][0-9 ]{6,18}$/, { error: "must be in international form, e.g. +27 21 000 0000" })
          .optional(),
        linkedin: https
          .refine((url) => /^https:\/\/([a-z]+\.)?linkedin\.com\//.test(url), {
            error: "must be a linkedin.com address",
          })
          .optional(),
        github: https
          .refine((url) => /^https:\/\/github\.com\/[^/]+/.test(url), { error: "must be a github.com address" })
          .optional(),
      })
      .strict()
      .default({}),
    location: z
      .object({ locality: text(80), region: text(80), country: text(80), countryCode: z.string().length(2) })
      .strict(),
    areaServed: text(120),
    languages: z.array(text(40)).min(1),
    navigation: z.array(link).min(1),
    footerNavigation: z.array(link).default([]),
    cta: z.object({ heading: text(120), text: text(300), link }).strict(),
    footerNote: text(300),
    messages: z
      .object({
        skipLink: text(60),
        menu: text(40),
        errorHeading: text(120),
        errorText: text(300),
        errorRetry: text(40),
        errorHome: text(60),
      })
      .strict(),
    /** Short interface labels used by page templates. */
    labels: z
      .object({
        home: text(40),
        product: text(40),
        technologies: text(40),
        serviceFacts: text(40),
        deliverables: text(60),
        features: text(60),
        visitProduct: text(60),
        relatedProducts: text(80),
        lastUpdated: text(40),
        transcript: text(60),
        errorReference: text(40),
        caseStudy: text(40),
        client: text(40),
        problem: text(40),
        built: text(40),
        outcome: text(40),
        similarQuote: text(60),
        relatedCaseStudies: text(80),
        draft: text(20),
        example: text(20),
        contact: text(40),
        email: text(40),
        phone: text(40),
        linkedin: text(40),
        github: text(40),
      })
      .strict(),
  })
  .strict();

export type Service = z.infer<typeof serviceSchema>;
export type Product = z.infer<typeof productSchema>;
export type Article = z.infer<typeof articleSchema>;
export type CaseStudy = z.infer<typeof caseStudySchema>;
export type ContactFacts = SiteFacts["contact"];
export type Image = z.infer<typeof image>;
export type Faq = z.infer<typeof faqSchema>;
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;
export type Page = z.infer<typeof pageSchema>;
export type Home = z.infer<typeof homeSchema>;
export type SiteFacts = z.infer<typeof siteSchema>;
