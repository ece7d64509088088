/**
 * The server's one way to write a log line. Whatever a visitor can put into a message (a callback URL, an
 * address, a header that ends up in an error) is escaped here: a newline cannot forge a second line and an
 * ANSI escape cannot recolour or rewrite the operator's terminal. Every line, an Error's message and stack
 * included, is capped at MAX_LOG_LINE characters.
 *
 * lib/ and app/ log through `log`; better-auth's own logger is routed here too (lib/auth/create-auth.ts).
 */

/** The longest line written; longer ones are cut and marked. */
export const MAX_LOG_LINE = 2_000;

// C0 controls (tab kept), DEL, C1 controls, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\u001b": "\\x1b" };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One value as log text, on one line: control characters escaped, at most MAX_LOG_LINE characters. */
export function logText(value: unknown): string {
  return cap(describe(value).replace(CONTROL, escapeChar));
}

function cap(text: string): string {
  if (text.length <= MAX_LOG_LINE) return text;
  const more = ` [${text.length - MAX_LOG_LINE} more characters cut]`;
  return text.slice(0, MAX_LOG_LINE - more.length) + more;
}

function describe(value: unknown): string {
  if (value instanceof Error) {
    // The stack starts with "Name: message"; its frames follow on their own lines, escaped to " \n ".
    const stack = value.stack ?? `${value.name}: ${value.message}`;
    const cause = value.cause === undefined ? "" : ` (cause: ${describe(value.cause)})`;
    return stack.includes(value.message) ? stack + cause : `${value.name}: ${value.message} ${stack}${cause}`;
  }
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  try {
    return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

/** One line from a message and its extra values (errors, objects), joined by spaces. */
export function logLine(message: unknown, ...extra: unknown[]): string {
  return cap([message, ...extra].map(logText).join(" "));
}

export type Log = {
  info(message: unknown, ...extra: unknown[]): void;
  warn(message: unknown, ...extra: unknown[]): void;
  error(message: unknown, ...extra: unknown[]): void;
};

/** A log writing each call as one escaped line to `write` (the console by default). */
export function createLog(
  write: (level: keyof Log, line: string) => void = (level, line) => console[level](line),
): Log {
  return {
    info: (message, ...extra) => write("info", logLine(message, ...extra)),
    warn: (message, ...extra) => write("warn", logLine(message, ...extra)),
    error: (message, ...extra) => write("error", logLine(message, ...extra)),
  };
}

/** The server's log. */
export const log: Log = createLog();
