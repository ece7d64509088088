/**
 * `npm run leads -- <command>`: the desk's commands for scripts and for a server without a browser.
 *   list [--status S] [--search TEXT] [--page N]   newest first, 25 a page
 *   show <reference>                              every field, both emails, the timeline
 *   status <reference> <status>                   new | in_progress | won | lost | spam
 *                                                 (leaving spam sends the mail that was held back)
 *   export [--status S] [--search TEXT] [--output FILE]
 *                                                 CSV (UTF-8 with BOM, formula cells neutralised), to stdout or FILE
 *   erase <email>                                 everything of that person, in any letter case
 *   person <email> [--output FILE]                an access request: everything stored about that person as
 *                                                 JSON (matched as erase matches), to stdout or FILE
 *   purge                                         apply the retention settings now, print what went
 * Exit 0 on success, 1 on a failure (unknown reference...), 2 on a usage error.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import { describeError } from "@/lib/mail/outbox";
import { accessExport } from "@/lib/leads/access";
import { changeStatus } from "@/lib/leads/commands";
import { describeErasure, eraseByEmail } from "@/lib/leads/erase";
import { leadsCsv, recordExport } from "@/lib/leads/export";
import { getLead, listLeads } from "@/lib/leads/queries";
import { inboxText, leadText } from "@/lib/leads/report";
import { purge } from "@/lib/leads/retention";
import { LEAD_STATUSES, parseLeadStatus, STATUS_LABELS, type LeadStatus } from "@/lib/leads/status";
import { loadSettingsFiles, serverContext } from "@/lib/server/context";
import { plural } from "@/lib/text/plural";

const ACTOR = "cli";
const USAGE = `usage: npm run leads -- <command>
  list [--status S] [--search TEXT] [--page N]
  show <reference>
  status <reference> <status>
  export [--status S] [--search TEXT] [--output FILE]
  erase <email>
  person <email> [--output FILE]
  purge
statuses: ${LEAD_STATUSES.join(", ")}`;

class UsageError extends Error {}
class CommandError extends Error {}

type Options = { status?: LeadStatus; search?: string; page?: number; output?: string; positional: string[] };

function parseArgs(args: string[]): Options {
  const options: Options = { positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--status") {
      const raw = value();
      const status = parseLeadStatus(raw);
      if (!status) throw new UsageError(`unknown status "${raw}" (statuses: ${LEAD_STATUSES.join(", ")})`);
      options.status = status;
    } else if (arg === "--search") options.search = value();
    else if (arg === "--page") {
      const page = Number(value());
      if (!Number.isInteger(page) || page < 1) throw new UsageError("--page needs a whole number from 1");
      options.page = page;
    } else if (arg === "--output") options.output = value();
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else options.positional.push(arg);
  }
  return options;
}

function expectArgs(options: Options, count: number, what: string) {
  if (options.positional.length !== count) throw new UsageError(`expected ${what}`);
}

async function run(command: string | undefined, options: Options, out: (line: string) => void): Promise<void> {
  const { settings } = serverContext();
  const ctx = serverContext().leads(ACTOR);
  switch (command) {
    case "list": {
      expectArgs(options, 0, "no arguments besides --status/--search/--page");
      const inbox = await listLeads(ctx.db, { status: options.status, query: options.search, page: options.page });
      for (const line of inboxText(inbox, settings.BUSINESS_TIME_ZONE)) out(line);
      return;
    }
    case "show": {
      expectArgs(options, 1, "a reference: show <reference>");
      const lead = await getLead(ctx.db, options.positional[0]!);
      if (!lead) throw new CommandError(`no lead with reference ${options.positional[0]}`);
      for (const line of leadText(lead, settings.BUSINESS_TIME_ZONE)) out(line);
      return;
    }
    case "status": {
      expectArgs(options, 2, "a reference and a status: status <reference> <status>");
      const [reference, raw] = options.positional as [string, string];
      const status = parseLeadStatus(raw);
      if (!status) throw new UsageError(`unknown status "${raw}" (statuses: ${LEAD_STATUSES.join(", ")})`);
      const result = await changeStatus(ctx, reference, status, status === "spam" ? "spam" : "status");
      if (!result.ok) throw new CommandError(result.message);
      if (!result.changed) return out(`${result.reference} is already ${STATUS_LABELS[status]}`);
      out(`${result.reference} is now ${STATUS_LABELS[status]}`);
      if (result.outboxIds.length > 0) {
        const sent = await ctx.deliver({ ids: result.outboxIds, ignoreSchedule: true });
        out(`held mail: ${sent.sent} sent, ${sent.failed} failed (failures stay queued for retry)`);
      }
      return;
    }
    case "export": {
      expectArgs(options, 0, "no arguments besides --status, --search and --output");
      const filter = { status: options.status, query: options.search };
      let rows = 0;
      const csv = leadsCsv({ db: ctx.db, reader: serverContext().exportReader }, filter, {
        timeZone: settings.BUSINESS_TIME_ZONE,
        onEnd: async (count, complete) => {
          rows = count;
          await recordExport(ctx.db, { actor: ACTOR, filter, rows: count, complete });
        },
      });
      // --output writes the file itself: through `npm run ... > file` npm's own banner would land in the file.
      const target = options.output ? createWriteStream(options.output, { mode: 0o600 }) : process.stdout;
      for await (const piece of csv) if (!target.write(piece)) await once(target, "drain");
      if (target !== process.stdout)
        await new Promise<void>((resolve, reject) => target.end(() => resolve()).on("error", reject));
      console.error(`leads: exported ${plural(rows, "lead", "leads")}${options.output ? ` to ${options.output}` : ""}`);
      return;
    }
    case "erase": {
      expectArgs(options, 1, "an email address: erase <email>");
      const email = options.positional[0]!;
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) throw new UsageError(`"${email}" is not an email address`);
      const result = await eraseByEmail(email, serverContext().eraseOptions(ACTOR));
      out(`erased ${describeErasure(result)}`);
      return;
    }
    case "person": {
      expectArgs(options, 1, "an email address: person <email> [--output FILE]");
      const email = options.positional[0]!;
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) throw new UsageError(`"${email}" is not an email address`);
      const { json, counts } = await accessExport(email, { db: ctx.db, secret: settings.FORM_SECRET, actor: ACTOR });
      if (options.output) await fs.writeFile(options.output, json, { mode: 0o600 });
      else process.stdout.write(json);
      console.error(
        `leads: ${plural(counts.requests, "request", "requests")}, ${plural(counts.messages, "email", "emails")}, ` +
          plural(counts.events, "timeline entry", "timeline entries") +
          (options.output ? ` written to ${options.output}` : ""),
      );
      return;
    }
    case "purge": {
      expectArgs(options, 0, "no arguments");
      const result = await purge({ db: ctx.db, settings, mailDir: settings.MAIL_DIR, actor: ACTOR });
      out(
        `purged: ${plural(result.spam, "spam request", "spam requests")}, ` +
          `${plural(result.leads, "lead", "leads")} past ${settings.LEAD_RETENTION_MONTHS} months, ` +
          `${plural(result.messages, "email", "emails")}, ${plural(result.files, "mail file", "mail files")}, ` +
          `${plural(result.events, "audit row", "audit rows")}; ` +
          `blanked ${plural(result.bodiesBlanked, "email text", "email texts")}; ` +
          `cleared ${plural(result.ipHashesCleared, "IP hash", "IP hashes")}; ` +
          `removed ${plural(result.expiredSignIns, "expired sign-in row", "expired sign-in rows")}`,
      );
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}

async function main(args: string[]): Promise<number> {
  // A reader that stops early (`npm run leads -- show X | head`) closes the pipe: end quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
  loadSettingsFiles(console.error);
  const [command, ...rest] = args;
  try {
    await run(command, parseArgs(rest), (line) => console.log(line));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`leads: ${error.message}\n${USAGE}`);
      return 2;
    }
    console.error(`leads: ${error instanceof CommandError ? error.message : describeError(error)}`);
    return 1;
  } finally {
    await serverContext().close();
  }
}

process.exitCode = await main(process.argv.slice(2));
