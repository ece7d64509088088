// The embedded defaults that let the site run with no .env. Plain JavaScript, because the app
// (lib/server/env.ts, lib/server/site-url.ts) and the Node tools that cannot load TypeScript (prisma/migrate.mjs,
// prisma.config.ts) all read them.

/** The public origin when SITE_URL is unset (a local try-out). */
export const DEFAULT_SITE_URL = "http://localhost:3000";

/** The SQLite database when DATABASE_URL is unset; relative to the project root. */
export const DEFAULT_DATABASE_URL = "file:./.data/fsdev.db";
