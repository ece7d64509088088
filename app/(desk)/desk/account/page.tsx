import type { Metadata } from "next";
import { DeskFrame } from "@/components/desk/desk-frame";
import { dateTime } from "@/components/desk/format";
import { AddPasskeyButton } from "@/components/desk/passkey-buttons";
import { PasskeyManage, type PasskeyActions } from "@/components/desk/passkey-manage";
import { listPasskeys, PASSKEY_NAME_MAX_LENGTH } from "@/lib/auth/passkeys";
import { serverContext } from "@/lib/server/context";
import { deskPaths } from "@/lib/routes";
import { removePasskeyAction } from "../actions/remove-passkey";
import { renamePasskeyAction } from "../actions/rename-passkey";
import { signOutAction } from "../actions/sign-out";
import { requireOwner } from "../guard";
import { overdueNow } from "../overdue";

export const metadata: Metadata = { title: "Passkeys" };

const PASSKEY_ACTIONS: PasskeyActions = { rename: renamePasskeyAction, remove: removePasskeyAction };

export default async function AccountPage() {
  const owner = await requireOwner(deskPaths.account);
  const passkeys = await listPasskeys(serverContext().db, owner.userId);
  return (
    <DeskFrame current={deskPaths.account} owner={owner.email} signOut={signOutAction} overdue={await overdueNow()}>
      <h1 className="text-3xl font-bold">Passkeys</h1>
      <p className="mt-4 max-w-3xl text-slate-800">
        A passkey signs you in with this device’s lock (fingerprint, face or PIN) instead of an emailed link. Sign-in
        links keep working, and <code>npm run desk:link</code> on the server prints one when mail is down.
      </p>
      <h2 className="mt-8 text-xl font-bold">Your passkeys</h2>
      {passkeys.length === 0 ? (
        <p className="mt-2 text-slate-700">None yet.</p>
      ) : (
        <ul className="mt-2 space-y-4" data-testid="passkey-list">
          {passkeys.map((key) => (
            <li key={key.id} className="rounded-md border border-slate-200 p-4">
              <p>
                <strong>{key.name ?? "Passkey"}</strong> ({key.deviceType === "multiDevice" ? "synced" : "this device"}
                ), added{" "}
                {key.createdAt ? dateTime(key.createdAt, serverContext().settings.BUSINESS_TIME_ZONE) : "earlier"}
              </p>
              <PasskeyManage
                actions={PASSKEY_ACTIONS}
                id={key.id}
                name={key.name ?? "Passkey"}
                last={passkeys.length === 1}
                maxLength={PASSKEY_NAME_MAX_LENGTH}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-6">
        <AddPasskeyButton />
      </div>
    </DeskFrame>
  );
}
