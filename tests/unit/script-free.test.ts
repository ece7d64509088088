import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runScriptFreeStep } from "@/lib/build/script-free-adapter.mjs";
import {
  clientComponentsOf,
  clientModulesFromManifest,
  inlineScriptSources,
  stripRuntime,
} from "@/lib/build/script-free.mjs";
import { contentSecurityPolicy } from "@/lib/server/content-security-policy.mjs";

// A prerendered document in the shape Next.js 16.5 writes it (Turbopack, App Router), cut down to one of each part.
const HEAD =
  '<!DOCTYPE html><html lang="en-ZA"><head><meta charSet="utf-8"/>' +
  '<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin="" type="font/woff2"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/3wapojxchcev9.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/2soekfq9fpmso.js"/>' +
  '<script src="/_next/static/chunks/30j_aolhfw3gp.js" async=""></script>' +
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script><title>Home</title></head>';
const JSON_LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization"}</script>';
const BOOTSTRAP =
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(' +
  '{"otherChunks":["static/chunks/2soekfq9fpmso.js","static/chunks/30j_aolhfw3gp.js"],' +
  '"runtimeModuleIds":[494553]});</script>' +
  '<script src="/_next/static/chunks/2soekfq9fpmso.js" async=""></script>';
const PAYLOAD =
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n0:{\\"P\\":null}\\n"])</script>';
const BODY = '<body><a href="#main">Skip</a><main id="main"><h1>Software</h1><!--$--><p>Text</p><!--/$--></main>';
const page = (body = BODY, tail = PAYLOAD) => `${HEAD}${body}${JSON_LD}${BOOTSTRAP}${tail}</body></html>`;

describe("stripRuntime", () => {
  it("removes script files, their preloads, the bootstrap and the RSC payload; keeps JSON-LD and the markup", () => {
    const html = stripRuntime("/", page());
    expect(html).toBe(
      '<!DOCTYPE html><html lang="en-ZA"><head><meta charSet="utf-8"/>' +
        '<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin="" type="font/woff2"/>' +
        '<link rel="stylesheet" href="/_next/static/chunks/3wapojxchcev9.css" data-precedence="next"/>' +
        `<title>Home</title></head>${BODY}${JSON_LD}</body></html>`,
    );
  });

  it("refuses streamed Suspense content, naming the page", () => {
    const streamed = `${BODY}<div hidden id="S:0"><p>Late</p></div><script>$RC("B:0","S:0")</script>`;
    expect(() => stripRuntime("/articles/late", page(streamed))).toThrow(
      /script-free pages: \/articles\/late: streamed Suspense content/,
    );
    expect(() => stripRuntime("/b", page(`${BODY}<script>$RC("B:0","S:0")</script>`))).toThrow(
      /\/b: React's streaming script/,
    );
    expect(() => stripRuntime("/c", page(`${BODY}<!--$?--><template id="B:0"></template><!--/$-->`))).toThrow(
      /\/c: a Suspense placeholder/,
    );
  });

  it("refuses an inline script it does not know, naming the page", () => {
    expect(() => stripRuntime("/faq", page(`${BODY}<script>document.title = "x"</script>`))).toThrow(
      /script-free pages: \/faq: an unknown inline script \(<script>document\.title = "x"\)/,
    );
    expect(() => stripRuntime("/faq", page(`${BODY}<script src="https://cdn.example/x.js"></script>`))).toThrow(
      /\/faq: an unknown script file/,
    );
    expect(() => stripRuntime("/faq", page(`${BODY}<link rel="modulepreload" href="/x.js"/>`))).toThrow(
      /\/faq: an unknown script preload/,
    );
  });

  it("refuses a document whose payload marker changed, naming the page", () => {
    const renamed = PAYLOAD.replaceAll("__next_f", "__next_g");
    expect(() => stripRuntime("/about", page(BODY, renamed))).toThrow(/script-free pages: \/about: an unknown inline/);
    expect(() => stripRuntime("/about", page(BODY, ""))).toThrow(/\/about: the RSC payload's marker .* was not found/);
    const twoOpenings = `${PAYLOAD}<script>(self.__next_f=self.__next_f||[]).push([0])</script>`;
    expect(() => stripRuntime("/about", page(BODY, twoOpenings))).toThrow(/2 openings/);
  });
});

describe("inlineScriptSources", () => {
  // SHA-256 of the payload's opening script, computed apart:
  // `printf '%s' '<script text>' | openssl dgst -sha256 -binary | base64`.
  const OPENING = "'sha256-OBTN3RiyCV4Bq7dFqZ5a2pAXjnCcCYeTJMO2I/LYKeo='";

  it("hashes each distinct inline script as the browser does; JSON-LD and script files need none", () => {
    const sources = inlineScriptSources("/quote", page());
    expect(sources).toHaveLength(3);
    expect(sources).toContain(OPENING);
    expect(inlineScriptSources("/quote", page(BODY, `${PAYLOAD}${PAYLOAD}`))).toEqual(sources);
    expect(inlineScriptSources("/", `<html><body>${JSON_LD}<script src="/_next/static/chunks/a.js"></script>`)).toEqual(
      [],
    );
    expect(inlineScriptSources("/", '<script>self.__next_f.push([1,"x"])</script>')).toEqual([
      "'sha256-G8L1SiKTJMbDlG4FGFKHgqgbC5cAhf7b3dVem2cCN2c='",
    ]);
  });

  it("changes the policy when an inline script changes", () => {
    const before = contentSecurityPolicy(true, { inlineScripts: inlineScriptSources("/quote", page()) });
    const changed = page(BODY, PAYLOAD.replace("$Sreact.fragment", "$Sreact.suspense"));
    const after = contentSecurityPolicy(true, { inlineScripts: inlineScriptSources("/quote", changed) });
    expect(after).not.toBe(before);
    expect(after).toContain(OPENING);
    expect(/script-src ([^;]*)/.exec(after)?.[1]).not.toContain("'unsafe-inline'");
  });

  it("refuses, naming the page, script that no hash can allow or that it cannot read", () => {
    expect(() => inlineScriptSources("/quote", page(`${BODY}<button onclick="go()">Go</button>`))).toThrow(
      /script-free pages: \/quote: an inline event handler attribute \(on\.\.\.=\) cannot be allowed by a hash/,
    );
    expect(() => inlineScriptSources("/quote", page(`${BODY}<a href="javascript:go()">Go</a>`))).toThrow(
      /\/quote: a javascript: URL cannot be allowed by a hash/,
    );
    expect(() => inlineScriptSources("/quote", page(`${BODY}<script data-x='1'>go()</script>`))).toThrow(
      /\/quote: a script with attributes it cannot read/,
    );
    expect(() =>
      inlineScriptSources("/quote", page(`${BODY}<script src="https://cdn.example/x.js"></script>`)),
    ).toThrow(/\/quote: a script file from another origin/);
    expect(() => inlineScriptSources("/quote", `${page()}<script>go()`)).toThrow(
      /\/quote: 1 <script> without a closing tag/,
    );
  });
});

describe("clientComponentsOf", () => {
  const framework = [
    "[project]/node_modules/next/dist/esm/client/components/layout-router.js",
    "[project]/node_modules/next/dist/client/components/builtin/global-error.js",
  ];
  it("counts every client module outside Next.js except the error and not-found boundaries", () => {
    expect(
      clientComponentsOf("/", [...framework, "[project]/app/(site)/error.tsx", "[project]/app/not-found.tsx"]),
    ).toEqual([]);
    expect(
      clientComponentsOf("/quote", [
        ...framework,
        "[project]/app/(site)/error.tsx",
        "[project]/components/quote/quote-form.tsx <module evaluation>",
        "[project]/node_modules/some-library/dist/widget.js",
      ]),
    ).toEqual(["components/quote/quote-form.tsx", "node_modules/some-library/dist/widget.js"]);
  });

  it("refuses a client reference it cannot read", () => {
    expect(() => clientComponentsOf("/", ["./app/widget.tsx"])).toThrow(/\/: unrecognised client reference/);
  });

  it("reads a Turbopack client reference manifest", () => {
    const code =
      '(() => { const m = {"clientModules":{"[project]/app/x.tsx":{}}};\n' +
      '(globalThis.__RSC_MANIFEST ??= {})["/(site)/page"] = m; })();';
    expect(clientModulesFromManifest("/", "/(site)/page", code)).toEqual(["[project]/app/x.tsx"]);
    expect(() => clientModulesFromManifest("/", "/(site)/other/page", code)).toThrow(/no clientModules/);
  });
});

describe("runScriptFreeStep", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A build folder with two routes: `/` (no client component of ours) and `/quote` (the form); `/desk` renders per
   * request.
   */
  function build(revalidate: number | false = false, quote = page()) {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "script-free-"));
    dirs.push(distDir);
    const manifest = (sourcePage: string, modules: string[]) => {
      const file = path.join(distDir, "server/app", `${sourcePage}_client-reference-manifest.js`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const clientModules = Object.fromEntries(modules.map((key) => [key, {}]));
      fs.writeFileSync(
        file,
        `globalThis.__RSC_MANIFEST = { ${JSON.stringify(sourcePage)}: ${JSON.stringify({ clientModules })} };`,
      );
    };
    manifest("/(site)/page", ["[project]/app/(site)/error.tsx"]);
    const stylesheet = path.join(distDir, "static/chunks/3wapojxchcev9.css");
    fs.mkdirSync(path.dirname(stylesheet), { recursive: true });
    fs.writeFileSync(stylesheet, "h1{color:red}.unused{color:blue}");
    manifest("/(site)/quote/page", ["[project]/components/quote/quote-form.tsx"]);
    const html = (name: string, content = page()) => {
      const file = path.join(distDir, "server/route-cache", `${name}.html`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    };
    const outputs = {
      appPages: [
        { id: "/", pathname: "/", sourcePage: "/(site)/page" },
        { id: "/index.rsc", pathname: "/index.rsc", sourcePage: "/(site)/page" },
        { id: "/quote", pathname: "/quote", sourcePage: "/(site)/quote/page" },
        { id: "/_not-found", pathname: "/_not-found", sourcePage: "/_not-found/page" },
        { id: "/desk/leads/[reference]", pathname: "/desk/leads/[reference]", sourcePage: "/(desk)/desk/leads/page" },
      ],
      // Next.js 16.5 serves its not-found document as a static file when it has one.
      staticFiles: [
        { pathname: "/404", filePath: html("404") },
        { pathname: "/404.rsc", filePath: "/x/404.rsc" },
      ],
      prerenders: [
        {
          pathname: "/",
          parentOutputId: "/",
          routeType: "page",
          fallback: { filePath: html("index"), initialRevalidate: revalidate },
        },
        { pathname: "/index.rsc", parentOutputId: "/", routeType: "page", fallback: { filePath: "/x/index.rsc" } },
        {
          pathname: "/quote",
          parentOutputId: "/quote",
          routeType: "page",
          fallback: { filePath: html("quote", quote) },
        },
      ],
    };
    return {
      distDir,
      outputs,
      run: () => runScriptFreeStep({ outputs, distDir, nextVersion: "16.5.0", buildId: "b1" }),
    };
  }

  it("rewrites qualifying pages, keeps the originals, lists them, and leaves a page with a client component", () => {
    const { distDir, outputs, run } = build();
    const result = run();
    const hashes = inlineScriptSources("/quote", page());
    expect(result.kept).toEqual([
      { page: "/quote", components: ["components/quote/quote-form.tsx"], inlineScripts: hashes },
    ]);
    expect(result.stripped.map(({ page }) => page)).toEqual(["/"]);
    const rewritten = fs.readFileSync(outputs.prerenders[0]!.fallback.filePath, "utf8");
    expect(rewritten).not.toContain("<script src=");
    // Its stylesheet inlined, cut to the rules its markup uses; /quote keeps its <link>.
    expect(rewritten).not.toContain('rel="stylesheet"');
    expect(rewritten).toContain("<style>h1{color:red}</style>");
    expect(fs.readFileSync(outputs.prerenders[2]!.fallback.filePath, "utf8")).toBe(page());
    expect(fs.readFileSync(path.join(distDir, "script-free-originals/index.html"), "utf8")).toBe(page());
    expect(JSON.parse(fs.readFileSync(path.join(distDir, "script-free-pages.json"), "utf8"))).toEqual({
      buildId: "b1",
      nextVersion: "16.5.0",
      pages: ["/"],
      inlineScripts: { "/quote": hashes },
      notFound: hashes,
      perRequest: ["/desk/leads/[reference]"],
    });
  });

  it("fails the build, naming the page, when a page keeping its scripts runs one no hash can allow", () => {
    const { distDir, outputs, run } = build(false, page(`${BODY}<img src="/x.png" onerror="go()"/>`));
    expect(run).toThrow(/script-free pages: \/quote: an inline event handler attribute/);
    expect(fs.readFileSync(outputs.prerenders[0]!.fallback.filePath, "utf8")).toBe(page());
    expect(fs.existsSync(path.join(distDir, "script-free-pages.json"))).toBe(false);
  });

  it("fails the build, naming the page, when a qualifying route revalidates, and writes nothing", () => {
    const { distDir, outputs, run } = build(60);
    expect(run).toThrow(/script-free pages: \/: its route revalidates \(every 60 s\)/);
    expect(fs.readFileSync(outputs.prerenders[0]!.fallback.filePath, "utf8")).toBe(page());
    expect(fs.existsSync(path.join(distDir, "script-free-pages.json"))).toBe(false);
  });
});
