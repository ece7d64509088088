/**
 * The desk's downloads (POST /desk/export, POST /desk/access): form posts, not links, so that a cross-site page
 * cannot trigger them (the session cookie is SameSite=Lax, and proxy.ts refuses cross-site posts). The owner is
 * checked as in every desk action, the form is read, and the file goes out as an attachment no cache keeps.
 */
import { currentOwner, type Owner } from "./guard";

const NO_STORE = { "cache-control": "no-store" };

export type Download = { body: BodyInit; contentType: string; fileName: string };

/** `make` answers a Download, or a Response of its own (e.g. 400 for a bad field). */
export async function ownerDownload(
  request: Request,
  make: (form: FormData, owner: Owner) => Promise<Download | Response>,
): Promise<Response> {
  const owner = await currentOwner();
  if (!owner) return new Response("Sign in to the desk first.", { status: 401, headers: NO_STORE });
  const made = await make(await request.formData().catch(() => new FormData()), owner);
  if (made instanceof Response) return made;
  return new Response(made.body, {
    headers: {
      "content-type": made.contentType,
      "content-disposition": `attachment; filename="${made.fileName}"`,
      ...NO_STORE,
    },
  });
}

/** A plain-text refusal of a download's input, kept out of caches like the download itself. */
export function refusedDownload(message: string): Response {
  return new Response(message, { status: 400, headers: NO_STORE });
}
