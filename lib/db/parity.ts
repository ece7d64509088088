/**
 * Compile-time proof behind the one cast in lib/db/client.ts: the PostgreSQL client, generated from the same
 * schema.prisma, returns the same rows and accepts every argument the SQLite client (the `Db` type) accepts,
 * for every model and operation, including models added later. `tsc` fails here when the two drift.
 * Nothing in this file runs.
 */
import type { Prisma as Sqlite } from "@/lib/generated/prisma/client";
import type { Prisma as Postgres } from "@/lib/generated/postgresql/client";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

type SqliteModels = Sqlite.TypeMap["model"];
type PostgresModels = Postgres.TypeMap["model"];
type Operations<M extends keyof SqliteModels & keyof PostgresModels> = keyof SqliteModels[M]["operations"] &
  keyof PostgresModels[M]["operations"];

/** One flag per model and operation: SQLite arguments fit PostgreSQL's, and the results are the same. */
type Parity = {
  [M in keyof SqliteModels & keyof PostgresModels]: {
    [O in Operations<M>]: SqliteModels[M]["operations"][O] extends { args: infer SA; result: infer SR }
      ? PostgresModels[M]["operations"][O] extends { args: infer PA; result: infer PR }
        ? [SA] extends [PA]
          ? Same<SR, PR>
          : false
        : false
      : false;
  }[Operations<M>];
}[keyof SqliteModels & keyof PostgresModels];

export type DbParity = [
  Assert<Same<keyof SqliteModels, keyof PostgresModels>>,
  Assert<Same<Sqlite.ModelName, Postgres.ModelName>>,
  Assert<Parity>,
];
