/**
 * `npm run desk:link`: prints a one-time sign-in link for the owner, for when mail is down. It runs on the
 * server's machine (it reads the same database and settings), so whoever can run it already holds the keys.
 */
import { LINK_MINUTES } from "@/lib/auth/create-auth";
import { describeError } from "@/lib/mail/outbox";
import { deskPaths } from "@/lib/routes";
import { loadSettingsFiles, serverContextAt } from "@/lib/server/context";
import { NO_SERVER, toolOrigin } from "@/lib/server/dev-origin";
import { runCommand } from "./run-command";

async function main(): Promise<number> {
  loadSettingsFiles(console.error);
  // The link opens where the site answers: the running dev server's address, else SITE_URL.
  const origin = toolOrigin();
  if (!origin) {
    console.error(`desk:link: ${NO_SERVER}`);
    return 1;
  }
  const context = serverContextAt(origin);
  let link: string | undefined;
  const auth = context.authWith((url) => {
    link = url;
  });
  try {
    await auth.api.signInMagicLink({
      body: { email: context.ownerEmail, callbackURL: deskPaths.inbox, errorCallbackURL: deskPaths.signIn },
      headers: new Headers(),
    });
    if (!link) throw new Error("no link was made");
    console.log(`Sign-in link for ${context.ownerEmail} (valid ${LINK_MINUTES} minutes, works once):\n${link}`);
    return 0;
  } finally {
    await context.close();
  }
}

await runCommand("desk:link", main, describeError);
