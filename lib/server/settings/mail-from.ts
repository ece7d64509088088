import { z } from "zod";

/** MAIL_FROM holds a sender address: "Name <local@domain.tld>" or a bare "local@domain.tld". */
export function hasSenderAddress(value: string): boolean {
  const address = /<([^<>]*)>\s*$/.exec(value)?.[1] ?? value;
  return z.email().safeParse(address.trim()).success;
}
