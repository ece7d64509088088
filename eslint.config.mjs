import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Internal links are plain <a> anchors: every page is a static document, so following a link is an ordinary
// page load. next/link would add its client code (and, prefetching, other routes' payloads) to every first load.
const noNextLink = { name: "next/link", message: "Use a plain <a>: next/link adds client JS to every page." };

// Settings are read in one place (lib/server: the settings module and the composition root) and passed on as
// parameters; anywhere else may look at NODE_ENV and NEXT_RUNTIME only.
const envMessage = "Read settings through lib/server (env() or serverContext()), not process.env.";
const noProcessEnv = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "content/**/*.ts", "lib/**/*.{ts,tsx,mjs}", "proxy.ts"],
  ignores: ["lib/server/**"],
  rules: {
    "no-restricted-syntax": [
      "error",
      {
        selector:
          "MemberExpression[object.object.name='process'][object.property.name='env']" +
          "[property.name!=/^(NODE_ENV|NEXT_RUNTIME)$/]",
        message: envMessage,
      },
      {
        selector: "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression > .object)",
        message: envMessage,
      },
    ],
  },
};

/** Files under `files` may not import from the given top-level folders. */
function restrictImports(files, folders) {
  const patterns = folders.map((folder) => ({
    group: [`@/${folder}/*`, `**/${folder}/*`],
    message: `${files.map((glob) => glob.split("/")[0]).join(", ")} never import ${folder}/.`,
  }));
  return { files, rules: { "no-restricted-imports": ["error", { paths: [noNextLink], patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { paths: [noNextLink] }],
      // The opposite of this project's rule above.
      "@next/next/no-html-link-for-pages": "off",
    },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  // The house's direction: app/ wires settings into lib/ and components/, never the other way round.
  restrictImports(["components/**/*.{ts,tsx}", "content/**/*.ts"], ["app"]),
  restrictImports(["lib/**/*.{ts,tsx,mjs}"], ["app", "components"]),
  noProcessEnv,
  // Server code logs through lib/server/log.ts, which escapes control characters and caps each line, so no
  // visitor's text can forge a log line. The CLIs print to their operator; error boundaries run in the browser.
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts"],
    ignores: ["lib/server/log.ts", "lib/cli/**", "app/**/error.tsx"],
    rules: { "no-console": "error" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } },
  },
);
