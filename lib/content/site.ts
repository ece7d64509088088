import { site as facts } from "@/content/site";
import { describeIssues, ContentError } from "./collection";
import { siteSchema, type SiteFacts } from "./schemas";

function validate(): SiteFacts {
  const result = siteSchema.safeParse(facts);
  if (!result.success) throw new ContentError(describeIssues("content/site.ts", result.error));
  return result.data;
}

/** Site-wide facts from content/site.ts, validated once when first imported. */
export const site: SiteFacts = validate();
