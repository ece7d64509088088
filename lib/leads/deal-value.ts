/**
 * A lead's estimated deal value: whole units of an ISO 4217 currency (clients are international), summed per
 * currency, never converted.
 */
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEAL_AMOUNT_MAX } from "./plan-limits";

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** "zar", " usd " -> "ZAR", "USD"; null unless it is an ISO 4217 code this runtime knows. */
export function parseCurrency(value: string): string | null {
  const code = value.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code) ? code : null;
}

/** "R 120 000,00"-style text is not parsed: the field takes digits, optionally grouped by spaces, commas or points. */
export function parseAmount(value: string): number | null {
  const digits = value.trim().replace(/[\s,.'_\u00a0\u202f]/g, "");
  if (!/^\d{1,10}$/.test(digits)) return null;
  const amount = Number(digits);
  return amount <= DEAL_AMOUNT_MAX ? amount : null;
}

/** "ZAR 120,000" style, in the desk's locale, with the currency's own symbol where it has one. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-ZA", {
    style: "currency",
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(amount);
}

export type CurrencyTotal = { currency: string; amount: number; leads: number };

/** Sums of the deal values of the leads `where` selects, one per currency, the largest count first. */
export async function dealTotals(db: Db, where: Prisma.QuoteRequestWhereInput): Promise<CurrencyTotal[]> {
  const groups = await db.quoteRequest.groupBy({
    by: ["dealCurrency"],
    where: { ...where, dealAmount: { not: null }, dealCurrency: { not: null } },
    _sum: { dealAmount: true },
    _count: { _all: true },
  });
  return groups
    .map((group) => ({ currency: group.dealCurrency!, amount: group._sum.dealAmount ?? 0, leads: group._count._all }))
    .sort((a, b) => b.leads - a.leads || a.currency.localeCompare(b.currency));
}

/** Adds one lead's value to a per-currency tally (the sources page's won value). */
export function addValue(tally: Record<string, number>, amount: number | null, currency: string | null): void {
  if (amount === null || !currency) return;
  tally[currency] = (tally[currency] ?? 0) + amount;
}

/** "R 120 000 + US$5 000", or "—" for none. */
export function formatTally(tally: Record<string, number>): string {
  const entries = Object.entries(tally).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "—" : entries.map(([currency, amount]) => formatMoney(amount, currency)).join(" + ");
}
