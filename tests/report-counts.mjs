// Prints "<passed> <failed>" from a test runner's JSON report, for tests/run-all.sh.
//   node tests/report-counts.mjs vitest|playwright <report.json>
import fs from "node:fs";

const [runner, file] = process.argv.slice(2);
if (!fs.existsSync(file)) {
  console.error(`${runner} wrote no report (${file}): it stopped before running its tests`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, "utf8"));
if (runner === "vitest") {
  // A file that fails to load fails no test of its own, so it counts as one failure.
  const failedFiles = report.testResults.filter(
    (result) => result.status === "failed" && !result.assertionResults.length,
  );
  console.log(`${report.numPassedTests} ${report.numFailedTests + failedFiles.length}`);
} else if (runner === "playwright") {
  // Retries are off (playwright.config.ts), so "flaky" stays 0; a test that needed one would count as failed.
  const { expected, unexpected, flaky } = report.stats;
  console.log(`${expected} ${unexpected + flaky + report.errors.length}`);
} else {
  throw new Error(`unknown runner "${runner}"`);
}
