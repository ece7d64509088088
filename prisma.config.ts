import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL } from "./lib/server/defaults.mjs";

// Prisma 7 does not read .env, and env() throws when a variable is unset, so the embedded
// default applies here too. The app itself reads lib/server/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL },
});
