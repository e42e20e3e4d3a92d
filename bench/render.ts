import { performance } from "node:perf_hooks";
import { readDemoRegisters } from "../src/demo/read-demo-registers.ts";
import { buildDocument, renderDocument, renderDocumentFile } from "../src/documents/render-document.ts";
import type { RenderFormat, RenderRequest } from "../src/documents/render-request.schema.ts";
import type { RegisterFile } from "../src/register/model/register-file.schema.ts";
import { fmt, median } from "./stats.ts";

const RUNS = 41;
const GOAL_MS = 2;
/** A PDF takes tens of milliseconds: fewer runs keep the whole benchmark under a minute. */
const PDF_RUNS = 9;
const PDF_GOAL_MS = 150;

/** Every document the CLI can render for a register (a notice for its first activity). */
function requestsFor(
  register: RegisterFile,
): { name: string; request: RenderRequest; formats: RenderFormat[] }[] {
  const activity = register.activities[0]?.ref ?? "";
  const common: RenderFormat[] = ["html", "md", "json"];
  return [
    { name: "register", request: { doc: "register" }, formats: [...common, "jsonld"] },
    { name: "sheet (all)", request: { doc: "sheet" }, formats: common },
    { name: "processor-register", request: { doc: "processor-register" }, formats: common },
    { name: "privacy", request: { doc: "privacy" }, formats: common },
    { name: "notice short", request: { doc: "notice", activity, notice: "short" }, formats: common },
    { name: "notice long", request: { doc: "notice", activity, notice: "long" }, formats: common },
  ];
}

/** Median of RUNS timings, in ms, after one warm-up call. */
function timeMedian(fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Median of PDF_RUNS timings of an asynchronous render, in ms, after one warm-up call. */
async function timeMedianAsync(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < PDF_RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Renders every document of the three demo organisations, in French and English and every format, as the CLI
 * does (validate the request, build the document model, render). Reports the median per document and format
 * (the worse of the two languages), against a baseline measured in the same run: JSON.stringify of the same
 * document model, i.e. touching every fact once. Goal: HTML and Markdown under 2 ms per document, PDF (every
 * document, median of PDF_RUNS) under 150 ms.
 */
export async function run(): Promise<void> {
  const rows: Record<string, string>[] = [];
  let worst = 0;
  let worstPdf = 0;
  for (const register of readDemoRegisters()) {
    for (const { name, request, formats } of requestsFor(register)) {
      const row: Record<string, string> = { org: register.organisation.slug, document: name };
      let baseline = 0;
      let build = 0;
      for (const lang of ["fr", "en"] as const) {
        const model = buildDocument(register, { ...request, lang });
        baseline = Math.max(
          baseline,
          timeMedian(() => JSON.stringify(model)),
        );
        build = Math.max(
          build,
          timeMedian(() => buildDocument(register, { ...request, lang })),
        );
      }
      row["model only"] = fmt(build, 3);
      for (const format of ["html", "md", "json", "jsonld"] as const) {
        if (!formats.includes(format)) {
          row[format] = "—";
          continue;
        }
        const ms = Math.max(
          ...(["fr", "en"] as const).map((lang) =>
            timeMedian(() => renderDocument(register, { ...request, lang, format })),
          ),
        );
        if (format === "html" || format === "md") worst = Math.max(worst, ms);
        row[format] = fmt(ms, 3);
      }
      let pdf = 0;
      for (const lang of ["fr", "en"] as const) {
        pdf = Math.max(
          pdf,
          await timeMedianAsync(() => renderDocumentFile(register, { ...request, lang, format: "pdf" })),
        );
      }
      worstPdf = Math.max(worstPdf, pdf);
      row.pdf = fmt(pdf, 1);
      row["baseline JSON.stringify(model)"] = fmt(baseline, 3);
      rows.push(row);
    }
  }
  console.log(
    `render: median of ${RUNS} runs (PDF: ${PDF_RUNS}) in ms per document (worse of fr/en), build + render as the CLI does`,
  );
  console.table(rows);
  console.log(
    `slowest HTML/Markdown document: ${fmt(worst, 3)} ms (goal < ${GOAL_MS} ms) ${worst < GOAL_MS ? "OK" : "OVER"}`,
  );
  console.log(
    `slowest PDF document: ${fmt(worstPdf, 1)} ms (goal < ${PDF_GOAL_MS} ms) ${worstPdf < PDF_GOAL_MS ? "OK" : "OVER"}`,
  );
}
