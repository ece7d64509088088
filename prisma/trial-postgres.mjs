#!/usr/bin/env node
/* global setInterval */
// `npm run db:trial [-- <database>]`: a throwaway PostgreSQL server for trying several instances on one machine,
// from Debian's `postgresql` binaries (the tests' own, prisma/temp-postgres.mjs): a fresh cluster in a temp folder
// on 127.0.0.1 (first free port from 54300, or PG_PORT_BASE), trusting local connections, with one empty database
// (default `fsdev`). It prints the DATABASE_URL and runs until Ctrl-C (or SIGTERM), then stops the server and
// deletes its folder, data included. Not for production: no password, and no fsync (its data is thrown away).
import { startTempPostgres } from "./temp-postgres.mjs";

const name = process.argv[2] ?? "fsdev";
if (!/^[a-z][a-z0-9_]{0,49}$/.test(name)) {
  console.error("usage: npm run db:trial [-- <database>]   (lower-case letters, digits and _)");
  process.exit(2);
}
const server = await startTempPostgres();
const url = await server.createDatabase(name);
console.log(`A throwaway PostgreSQL in ${server.dir}, database ${name}:`);
console.log(`DATABASE_URL=${url}`);
console.log("Running until Ctrl-C, which stops it and deletes its data.");
const stop = () => {
  server.stopSync();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => {}, 60 * 60_000);
