// Peer extractor for `parallax bench extract`: Readability.js on jsdom, timed inside node.
//
// Usage: node readability-runner.mjs [--blocks] INPUT.jsonl PASSES [OUTPUT.json]
//   INPUT.jsonl  one JSON object per line: {"id": "...", "html": "...", "url": "..." | null}
//   PASSES       how many passes over all pages (texts come from pass 1)
//   OUTPUT.json  where to write the result (standard output when left out)
//   --blocks     text with one paragraph per block element instead of Readability's textContent (see below)
//
// Output: {"name", "text", "readability", "jsdom", "node", "texts": [...], "passSeconds": [...], "passCpuSeconds": [...],
//          "peakRssBytes", "pageErrors": [{"id", "error"}]}
// The seconds cover jsdom parsing, Readability's parse() and turning its article into text, nothing else:
// reading the input, dropping <style> blocks and writing the output are outside the clock.

import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const require = createRequire(import.meta.url);

// Used when a page comes without a URL (or with one jsdom refuses): Readability only needs some base URL
// to resolve relative links, which do not reach the text.
const fallbackUrl = "https://example.invalid/";

// Elements after which text starts a new paragraph in --blocks mode. Readability's own textContent is the
// DOM's textContent, which glues "</p><p>" neighbours into one word where the markup has no whitespace between
// them; separating blocks keeps those words apart (the benchmark metric counts \w+ tokens). The default stays
// textContent, what Readability gives its users and what the published Readability.js figures were measured on.
const blockTags = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "DD", "DIV", "DL", "DT", "FIELDSET",
  "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI",
  "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function usage(message) {
  process.stderr.write(`${message}\nusage: node readability-runner.mjs [--blocks] INPUT.jsonl PASSES [OUTPUT.json]\n`);
  process.exit(2);
}

// jsdom's CSS parser throws on some real stylesheets, and Readability never looks at style text, so the
// blocks are dropped before parsing; the article text is the same with or without them.
function dropStyles(html) {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "");
}

function validUrl(url) {
  if (typeof url !== "string" || url.length === 0) {
    return fallbackUrl;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : fallbackUrl;
  } catch {
    return fallbackUrl;
  }
}

// The article element's text with one paragraph per block element, whitespace collapsed inside paragraphs.
function blockText(root) {
  const paragraphs = [];
  let current = "";
  const flush = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text.length > 0) {
      paragraphs.push(text);
    }
    current = "";
  };
  const walk = (node) => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current += child.data;
      } else if (child.nodeType === ELEMENT_NODE) {
        const block = blockTags.has(child.tagName);
        if (block) {
          flush();
        }
        walk(child);
        if (block) {
          flush();
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}

// textContent keeps the page's own whitespace: collapse it, one blank line between the lines that remain.
function normalize(text) {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n\n");
}

function extract(page, virtualConsole, blocks) {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole });
  try {
    if (blocks) {
      // The serializer hands back the article element itself instead of its innerHTML string.
      const article = new Readability(dom.window.document, { serializer: (element) => element }).parse();
      return article === null || article.content == null ? "" : blockText(article.content);
    }
    const article = new Readability(dom.window.document).parse();
    return article === null ? "" : normalize(article.textContent ?? "");
  } finally {
    dom.window.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const blocks = args.includes("--blocks");
  const [inputPath, passesText, outputPath] = args.filter((arg) => arg !== "--blocks");
  if (!inputPath || !passesText) {
    usage("missing arguments");
  }
  const passes = Number.parseInt(passesText, 10);
  if (!Number.isInteger(passes) || passes < 1) {
    usage(`PASSES must be a positive integer, got ${passesText}`);
  }

  const pages = (await readFile(inputPath, "utf8"))
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const page = JSON.parse(line);
      return { id: String(page.id), html: dropStyles(String(page.html ?? "")), url: validUrl(page.url) };
    });

  // Page scripts never run (jsdom's default) and nothing is fetched; the virtual console swallows jsdom's
  // complaints about the pages so that they do not mix with our output.
  const virtualConsole = new VirtualConsole();
  const texts = new Array(pages.length).fill("");
  const pageErrors = [];
  const passSeconds = [];
  // CPU time of the whole node process per pass (GC threads included): steadier than wall-clock seconds when
  // other processes load the machine.
  const passCpuSeconds = [];
  let peakRss = process.memoryUsage().rss;

  for (let pass = 0; pass < passes; pass++) {
    let elapsed = 0;
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < pages.length; i++) {
      let text = "";
      const start = performance.now();
      try {
        text = extract(pages[i], virtualConsole, blocks);
      } catch (error) {
        if (pass === 0) {
          pageErrors.push({ id: pages[i].id, error: String(error?.message ?? error) });
        }
      }
      elapsed += performance.now() - start;
      if (pass === 0) {
        texts[i] = text;
      }
      const rss = process.memoryUsage().rss;
      if (rss > peakRss) {
        peakRss = rss;
      }
    }
    passSeconds.push(elapsed / 1000);
    const cpu = process.cpuUsage(cpuStart);
    passCpuSeconds.push((cpu.user + cpu.system) / 1e6);
  }

  // maxRSS (KiB) is the operating system's own peak, which also catches peaks between our samples.
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const result = {
    name: "Readability.js",
    text: blocks ? "blocks" : "textContent",
    readability: require("@mozilla/readability/package.json").version,
    jsdom: require("jsdom/package.json").version,
    node: process.versions.node,
    texts,
    passSeconds,
    passCpuSeconds,
    peakRssBytes: peakRss,
    pageErrors,
  };
  const json = JSON.stringify(result);
  if (outputPath) {
    await writeFile(outputPath, json, "utf8");
  } else {
    process.stdout.write(json + "\n");
  }
}

main().catch((error) => {
  process.stderr.write(`readability-runner: ${error?.stack ?? error}\n`);
  process.exit(1);
});
