/** The workbench's limits and choices, plain constants the desk's client components import too. */
import type { LeadStatus } from "./status";

/** The largest deal estimate the desk accepts (the column is a 32-bit integer). */
export const DEAL_AMOUNT_MAX = 2_000_000_000;

/** The currency the deal form offers first: the business's own. */
export const DEFAULT_CURRENCY = "ZAR";

/** The longest next step the desk accepts (its field says so too). */
export const NEXT_STEP_MAX_LENGTH = 200;

/** The statuses the inbox's bulk action can set. */
export const BULK_STATUSES = ["spam", "lost"] as const satisfies readonly LeadStatus[];
export type BulkStatus = (typeof BULK_STATUSES)[number];

/** The most leads one bulk action changes. */
export const BULK_MAX = 100;
