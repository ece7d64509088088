import type { QuoteChoices } from "./catalog";
import { cleanSourcePath, UTM_KEYS } from "./fields";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The hidden values one rendering of the form carries: the page the visitor came from, when the referrer is
 * one of this site's hosts, and the UTM tags of the URL the form was opened with.
 */
export function hiddenFields(referer: string | null, hosts: string[], params: SearchParams): Record<string, string> {
  const hidden: Record<string, string> = {};
  const from = referer && URL.canParse(referer) ? new URL(referer) : undefined;
  const sourcePath = from && hosts.includes(from.host) ? cleanSourcePath(from.pathname) : null;
  if (sourcePath) hidden.sourcePath = sourcePath;
  for (const key of UTM_KEYS) {
    const value = first(params[key]);
    if (value) hidden[key] = value.slice(0, 100);
  }
  return hidden;
}

/** The interest a quote link asked for (`?interest=service:<slug>`), if it is one of the choices. */
export function preselectedInterest(params: SearchParams, choices: Pick<QuoteChoices, "interests">) {
  const wanted = first(params.interest);
  return choices.interests.some((choice) => choice.value === wanted) ? wanted : undefined;
}
