import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env, and env() throws when a variable is unset, so the
// embedded default is spelled out here. The app itself reads lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./.data/fsdev.db" },
});
