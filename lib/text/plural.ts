/** English plural rules, shared by every count the site, the desk and the CLIs put into words. */
const RULES = new Intl.PluralRules("en");

/** "1 lead", "3 leads", "0 leads": the count with the word in the form English needs for it. */
export function plural(count: number, one: string, other: string): string {
  return `${count} ${RULES.select(count) === "one" ? one : other}`;
}
