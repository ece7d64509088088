/**
 * `npm run desk:link`: prints a one-time sign-in link for the owner, for when mail is down. It runs on the
 * server's machine (it reads the same database and settings), so whoever can run it already holds the keys.
 */
import nextEnv from "@next/env";
import { db } from "@/lib/db";
import { env, ownerEmail } from "@/lib/env";
import { describeError } from "@/lib/mail/outbox";
import { LINK_MINUTES } from "./create-auth";
import { authFromEnv } from "./from-env";

async function main(): Promise<number> {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const settings = env();
  let link: string | undefined;
  const auth = authFromEnv((url) => {
    link = url;
  });
  try {
    await auth.api.signInMagicLink({
      body: { email: ownerEmail(settings), callbackURL: "/desk", errorCallbackURL: "/desk/sign-in" },
      headers: new Headers(),
    });
    if (!link) throw new Error("no link was made");
    console.log(`Sign-in link for ${ownerEmail(settings)} (valid ${LINK_MINUTES} minutes, works once):\n${link}`);
    return 0;
  } finally {
    await db().$disconnect();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`desk:link: ${describeError(error)}`);
  process.exitCode = 1;
}
