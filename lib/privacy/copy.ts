import { privacyForm as rawCopy } from "@/content/privacy-form";
import { ContentError, describeIssues } from "@/lib/content/collection";
import { privacyFormSchema, type PrivacyFormCopy } from "./copy-schema";

function validate(): PrivacyFormCopy {
  const result = privacyFormSchema.safeParse(rawCopy);
  if (!result.success) throw new ContentError(describeIssues("content/privacy-form.ts", result.error));
  return result.data;
}

/** The privacy form's words, validated like every other piece of content. */
export const privacyCopy: PrivacyFormCopy = validate();
