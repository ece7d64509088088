/**
 * What production asks of the settings beyond their values (lib/server/env.ts): the addresses and the secret set,
 * a way to send mail, a FORM_SECRET that is not the development default nor easy to guess, a MAIL_FROM with an
 * address.
 */
import { DEV_SECRET, GENERATE_SECRET, secretWeakness } from "./form-secret";
import { hasSenderAddress } from "./mail-from";

const REQUIRED_IN_PRODUCTION = ["SITE_URL", "FORM_SECRET", "QUOTE_TO", "MAIL_FROM"] as const;

/** A line per problem of the set variables (an empty value counts as unset), for the production checks. */
export function productionProblems(cleaned: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const name of REQUIRED_IN_PRODUCTION) {
    if (!cleaned[name]) problems.push(`${name}: is required in production`);
  }
  // Without SMTP the owner would never hear of a lead, unless files are wanted on purpose.
  if (!cleaned.SMTP_URL && cleaned.MAIL_TRANSPORT !== "file") {
    problems.push(
      "SMTP_URL: is required in production (or set MAIL_TRANSPORT=file to write .eml files to MAIL_DIR on purpose)",
    );
  }
  if (cleaned.FORM_SECRET === DEV_SECRET) problems.push("FORM_SECRET: must not be the development default");
  else if (cleaned.FORM_SECRET) {
    const weakness = secretWeakness(cleaned.FORM_SECRET);
    if (weakness) problems.push(`FORM_SECRET: ${weakness}; ${GENERATE_SECRET}`);
  }
  if (cleaned.MAIL_FROM && !hasSenderAddress(cleaned.MAIL_FROM))
    problems.push(
      'MAIL_FROM: must contain the sender\'s address, e.g. "FS Dev website <website@example.com>" ' +
        "(mail servers refuse a From without one)",
    );
  return problems;
}
