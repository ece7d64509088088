/**
 * Empties an array of rows a query returned, once they have been used, so that they die young.
 *
 * Prisma's query promise caches its result in the closure its `spec` getter shares, and V8 allocates a getter's
 * accessor pair in the old generation. Until the next full collection, that dead old object keeps the result
 * reachable for the young-generation collector: every row a loop of queries reads is copied into the old
 * generation and stays there as garbage: reading 5,000 leads with 5,000-character messages page by page peaked at
 * +40 MB of heap instead of +15 MB, whatever the page size (docs/performance.md, "The desk's CSV export"). Emptying
 * the array cuts the rows loose; the cached promise then holds an empty array. The export's driver reader
 * (lib/db/export-reader.ts) empties `pg`'s result rows the same way, which was measured to matter as well.
 */
export function releaseRows(rows: unknown[]): void {
  rows.length = 0;
}
