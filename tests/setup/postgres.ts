// Global setup of both runners (vitest and Playwright): one throwaway PostgreSQL server for the whole run,
// stopped and removed afterwards, also when tests fail (and on process exit). Each suite makes its own
// databases in it (tests/helpers/test-databases.ts).
import { startTempPostgres } from "../../prisma/temp-postgres.mjs";
import { PG_ADMIN_URL_VARIABLE, testProviders } from "../helpers/test-databases";

export default async function setup(): Promise<() => Promise<void>> {
  if (!testProviders().includes("postgresql") || process.env[PG_ADMIN_URL_VARIABLE]) return async () => {};
  const server = await startTempPostgres();
  process.env[PG_ADMIN_URL_VARIABLE] = server.adminUrl;
  return async () => {
    delete process.env[PG_ADMIN_URL_VARIABLE];
    await server.stop();
  };
}
