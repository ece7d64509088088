/** The database family of a DATABASE_URL, as the auth library's Prisma adapter names it. */
export type AuthDatabaseProvider = "sqlite" | "postgresql";

export function authDatabaseProvider(url: string): AuthDatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:/i.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL: no auth adapter provider for "${url.split(":")[0]}"`);
}
