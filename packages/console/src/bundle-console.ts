import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export { billerProtectionRefreshMs } from "./app/biller-protection-refresh.ts";
export { overviewRowsShownMax } from "./app/overview-rows.ts";
export { netStanding, windowsOpenFirst } from "./app/settlement-report.ts";
export { nextPair, noReadings, rateText, trafficRates } from "./app/traffic-rates.ts";

const sourceDir = join(dirname(fileURLToPath(import.meta.url)), "app");

/** One file of the console, named by its content so that browsers may cache it for good. */
export interface ConsoleAsset {
  /** e.g. `app.3f2a9c1d0b.js`: the name changes whenever the content does. */
  readonly name: string;
  readonly contentType: string;
  readonly body: string;
}

export interface ConsoleBundle {
  readonly script: ConsoleAsset;
  readonly style: ConsoleAsset;
  /** The HTML page every console address answers with; the script routes on the client. */
  shell(basePath: string): string;
}

function asset(stem: string, extension: string, contentType: string, body: string): ConsoleAsset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { name: `${stem}.${hash}.${extension}`, contentType, body };
}

/**
 * Bundles the console's TSX sources with esbuild, in memory: nothing is written to disk and
 * there is no build step to remember, since the hub calls this when it starts. Takes a few
 * hundred milliseconds.
 */
export async function bundleConsole(): Promise<ConsoleBundle> {
  const result = await build({
    entryPoints: [join(sourceDir, "main.tsx")],
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no console bundle");
  const script = asset("app", "js", "text/javascript; charset=utf-8", output.text);
  const css = await readFile(join(sourceDir, "console.css"), "utf8");
  const style = asset("app", "css", "text/css; charset=utf-8", css);
  return { script, style, shell: (basePath) => shellHtml(basePath, script, style) };
}

/** No inline script or style: the Content-Security-Policy allows only files from the hub. */
function shellHtml(basePath: string, script: ConsoleAsset, style: ConsoleAsset): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>clearhub console</title>
<link rel="stylesheet" href="${basePath}/assets/${style.name}">
<script type="module" src="${basePath}/assets/${script.name}"></script>
</head>
<body>
<div id="app" data-base-path="${basePath}"><p class="boot">Loading the clearhub console…</p></div>
<noscript>The clearhub console needs JavaScript.</noscript>
</body>
</html>
`;
}
