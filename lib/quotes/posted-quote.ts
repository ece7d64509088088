/**
 * A posted quote form as the pipeline takes it: only the form's known fields, first value only, strings only,
 * capped; the visitor's own values to echo back on a refusal; and the campaign tags it carried.
 */
import { META_FIELDS, UTM_KEYS, utmColumn, type UtmColumn, type UtmKey } from "./fields";
import { LIMITS, QUOTE_FIELDS, type QuoteValues } from "./schema";

export type RawSubmission = Partial<Record<(typeof QUOTE_FIELDS)[number] | (typeof META_FIELDS)[number], string>>;
const MAX_FIELD_LENGTH = 20_000;

/**
 * Turns posted form data into a plain object: only known fields, first value only, strings only.
 * Unknown, repeated and file fields are dropped here, so nothing else can reach the pipeline.
 */
export function fromFormData(form: FormData): RawSubmission {
  const raw: RawSubmission = {};
  for (const key of [...QUOTE_FIELDS, ...META_FIELDS]) {
    const value = form.get(key);
    if (typeof value === "string")
      raw[key] = value.length > MAX_FIELD_LENGTH ? value.slice(0, MAX_FIELD_LENGTH + 1) : value;
  }
  return raw;
}

/** The visitor's own values, echoed back on any rejection (capped, so a huge post is not sent back whole). */
export function echoValues(raw: RawSubmission): QuoteValues {
  const values: QuoteValues = {};
  for (const key of QUOTE_FIELDS)
    if (raw[key] !== undefined) values[key] = raw[key]!.slice(0, LIMITS.description.max + 100);
  return values;
}

/** Each UTM tag under its column name (utm_source -> utmSource), or null when absent or unusual. */
export function cleanUtm(raw: RawSubmission) {
  const value = (key: UtmKey) => {
    const v = raw[key]?.trim();
    return v && /^[\w\-.+ %]{1,100}$/.test(v) ? v : null;
  };
  return Object.fromEntries(UTM_KEYS.map((key) => [utmColumn(key), value(key)])) as {
    [K in UtmKey as UtmColumn<K>]: string | null;
  };
}
