#!/usr/bin/env node
// One source of models: prisma/schema.prisma (SQLite) is the only schema anyone edits. The PostgreSQL schema is
// written from it by swapping the datasource provider and the client's output folder, nothing else, so the two
// cannot drift. Provider-specific attributes (@db.*) are refused: a model must mean the same on both databases.
//
//   node prisma/postgresql-schema.mjs             writes prisma/postgresql/schema.prisma (git ignores it)
//   node prisma/postgresql-schema.mjs --generate  and generates both clients (npm's postinstall runs this)
//
// migrate.mjs builds the same text in memory, so it never reads a stale copy.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma/postgresql/schema.prisma");

/** The PostgreSQL schema for a SQLite schema's text; throws when the text cannot be carried over as is. */
export function postgresSchemaText(sqliteText) {
  const nativeType = /^[^/\n]*@db\.\w+/m.exec(sqliteText);
  if (nativeType) {
    throw new Error(
      `schema.prisma uses a provider-specific attribute (${nativeType[0].trim()}); both databases are generated ` +
        "from this one schema, so use plain Prisma types only",
    );
  }
  let providers = 0;
  let outputs = 0;
  const text = sqliteText
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, (_m, head) => (providers++, `${head}"postgresql"`))
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, (_m, head) => {
      outputs++;
      return `${head}"../../lib/generated/postgresql"`;
    });
  if (providers !== 1 || outputs !== 1) {
    throw new Error(
      'schema.prisma must have one `datasource db { provider = "sqlite" }` and a `generator client` with ' +
        '`output = "../lib/generated/prisma"`; the PostgreSQL schema is written from exactly those two lines',
    );
  }
  const banner = "// GENERATED from prisma/schema.prisma by prisma/postgresql-schema.mjs: do not edit, edit that file.";
  return `${banner}\n${text}`;
}

/** Writes prisma/postgresql/schema.prisma; returns its path. */
export function writePostgresSchema() {
  const text = postgresSchemaText(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  if (!fs.existsSync(POSTGRES_SCHEMA) || fs.readFileSync(POSTGRES_SCHEMA, "utf8") !== text)
    fs.writeFileSync(POSTGRES_SCHEMA, text);
  return POSTGRES_SCHEMA;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const written = writePostgresSchema();
    console.log(`wrote ${path.relative(process.cwd(), written)}`);
    if (process.argv.includes("--generate")) {
      // `prisma generate` needs no schema engine; the variable stops the CLI from trying to download one.
      const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" };
      const prisma = path.join(root, "node_modules/prisma/build/index.js");
      for (const schema of [SQLITE_SCHEMA, written])
        execFileSync(process.execPath, [prisma, "generate", "--schema", schema], { env, stdio: "inherit" });
    }
  } catch (error) {
    console.error(`postgresql-schema: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
