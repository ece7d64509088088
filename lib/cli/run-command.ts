/** How every command of lib/cli/ ends: with its main's exit code, or 1 and one line naming the command. */

/** An error as one line: its message (or the value itself). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `main` on the command's arguments and sets the exit code it returns; when it throws, prints
 * `<name>: <the error, as describe tells it>` and exits 1.
 */
export async function runCommand(
  name: string,
  main: (args: string[]) => number | Promise<number>,
  describe: (error: unknown) => string = errorText,
): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(`${name}: ${describe(error)}`);
    process.exitCode = 1;
  }
}
