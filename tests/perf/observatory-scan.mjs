// One Mozilla HTTP Observatory scan per path, in a process of its own: NODE_EXTRA_CA_CERTS (the run's throwaway
// CA, set by tests/perf/observatory.ts) is read only when Node starts. Prints one JSON line per path.
//
//   node tests/perf/observatory-scan.mjs <host> <http port> <https port> <path>...
//
// The package's scan(hostname, options) does not pass its options on to the retriever in 1.4.8 (it always asks
// ports 80 and 443), so this does what scan() does with the retriever given the ports and path: the same tests,
// score and grade, imported from the package itself.
import dns from "node:dns";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [host, httpPort, httpsPort, ...paths] = process.argv.slice(2);
if (!host || !httpPort || !httpsPort || paths.length === 0) {
  console.error("usage: observatory-scan.mjs <host> <http port> <https port> <path>...");
  process.exit(2);
}
// nginx listens on 127.0.0.1; Node would try localhost's ::1 first.
dns.setDefaultResultOrder("ipv4first");

const root = path.dirname(createRequire(import.meta.url).resolve("@mdn/mdn-http-observatory/package.json"));
const load = (file) => import(pathToFileURL(path.join(root, file)).href);

// The HSTS preload list is downloaded by the package's install script, which this project does not run. No
// list names localhost, so an empty one gives the same result; it is given in memory, nothing is written.
const preloadList = path.join(root, "conf", "hsts-preload.json");
if (!fs.existsSync(preloadList)) {
  const readFileSync = fs.readFileSync;
  fs.readFileSync = (file, ...rest) => (file === preloadList ? "{}" : readFileSync(file, ...rest));
}

const { retrieve } = await load("src/retriever/retriever.js");
const { ALL_TESTS, NUM_TESTS } = await load("src/constants.js");
const { getGradeForScore, getScoreModifier } = await load("src/grader/grader.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load("src/grader/charts.js");

for (const page of paths) {
  const requests = await retrieve(host, { httpPort, httpsPort, path: page });
  if (!requests.responses.auto) throw new Error(`${page}: no answer over http or https`);
  const results = ALL_TESTS.map((test) => test(requests));
  // As scan() scores: bonuses count only once the penalties leave at least an A.
  let withBonus = 100;
  let penalties = 100;
  for (const result of results) {
    const modifier = getScoreModifier(result.result);
    withBonus += modifier;
    if (modifier < 0) penalties += modifier;
  }
  const { grade, score } = getGradeForScore(penalties >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withBonus : penalties);
  const failed = results.filter((result) => !result.pass);
  console.log(
    JSON.stringify({
      path: page,
      status: requests.responses.auto.status,
      url: requests.session?.url.href,
      grade,
      score,
      tests: `${NUM_TESTS - failed.length}/${NUM_TESTS}`,
      failed: failed.map((result) => `${result.constructor.name}: ${result.result}`),
      bonuses: results
        .filter((result) => getScoreModifier(result.result) > 0)
        .map((result) => `${result.result} (+${getScoreModifier(result.result)})`),
    }),
  );
}
