// The server's one log (lib/server/log.ts): nothing a visitor sends can forge a line or reach the terminal raw.
import { expect, it } from "vitest";
import { createLog, logLine, MAX_LOG_LINE } from "@/lib/server/log";

it("escapes newlines, carriage returns, ESC and the other C0 and C1 characters, and keeps one line", () => {
  const line = logLine("Invalid callbackURL: /x\n[FORGED] owner signed in\r\u001b[31mred\u0007\u0085\u2028end");
  expect(line).toBe("Invalid callbackURL: /x\\n[FORGED] owner signed in\\r\\x1b[31mred\\x07\\x85\\u2028end");
  expect([...line].filter((char) => char.charCodeAt(0) < 0x20 || (char >= "\u007f" && char <= "\u009f"))).toEqual([]);
});

it("caps every line, an Error's message and stack included", () => {
  const error = new Error(`bad\n[FORGED] ${"x".repeat(5_000)}`);
  const written: string[] = [];
  const log = createLog((level, line) => written.push(`${level} ${line}`));
  log.error("mail: failed", error);
  log.warn("y".repeat(10_000));
  expect(written).toHaveLength(2);
  expect(written[0]).toMatch(/^error mail: failed Error: bad\\n\[FORGED\] x+/);
  expect(written[0]).not.toContain("\n");
  for (const line of written) expect(line.length).toBeLessThanOrEqual(MAX_LOG_LINE + "error ".length);
  expect(written[1]).toMatch(/more characters cut\]$/);
  // A short error keeps its stack, escaped onto the same line.
  const short: string[] = [];
  createLog((_level, line) => short.push(line)).error("failed", new Error("short"));
  expect(short[0]).toMatch(/^failed Error: short\\n {4}at /);
});
