// Relative, not "@/": next.config.ts loads this module (through lib/quotes/catalog.ts), without path aliases.
import { site as facts } from "../../content/site";
import { describeIssues, ContentError } from "./errors";
import { siteSchema, type SiteFacts } from "./schemas";

function validate(): SiteFacts {
  const result = siteSchema.safeParse(facts);
  if (!result.success) throw new ContentError(describeIssues("content/site.ts", result.error, siteSchema));
  return result.data;
}

/**
 * Site-wide facts from content/site.ts, validated once when first imported. No file system access
 * here, so the error page (a client component) can render the header with the same facts.
 */
export const site: SiteFacts = validate();
