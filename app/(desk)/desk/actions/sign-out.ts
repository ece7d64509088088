"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/app/after-response";
import { deskPaths } from "@/lib/routes";
import { ownerAction } from "../safe-action";

/** Ends the owner's session, then shows the sign-in page with "You are signed out". */
export const signOutAction = ownerAction(z.object({}), async () => {
  await auth().api.signOut({ headers: await headers() });
  redirect(`${deskPaths.signIn}?signed-out=1`);
});
