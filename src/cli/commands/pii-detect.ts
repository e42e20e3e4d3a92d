import { z } from "zod";
import { detect } from "../../pii/detect.ts";
import type { Entity } from "../../pii/entity.ts";
import { processJsonl } from "../../pii/stream/process-jsonl.ts";
import type { CliCommand } from "../cli-command.ts";
import { lineErrorReporter, openPiiInput } from "./pii-io.ts";

const Options = z
  .object({
    lang: z.enum(["fr", "en", "auto"]).default("auto"),
    input: z.string().optional(),
    format: z.enum(["jsonl", "text"]).default("jsonl"),
  })
  .strict();

type Detected = { id: string | number; entities: Entity[] };

/** One line per input line: `id  TYPE start-end score, …` (offsets only: the values stay out of logs). */
function formatText(result: unknown): string {
  const { id, entities } = result as Detected;
  const found = entities.map((e) => `${e.type} ${e.start}-${e.end} ${e.score}`).join(", ");
  return `${id}\t${found || "-"}`;
}

export const piiDetectCommand: CliCommand<typeof Options> = {
  path: ["pii", "detect"],
  usage: "pii detect [--lang fr|en|auto] [--input FILE|-] [--format jsonl|text]",
  summary: 'Find personal data in JSONL lines {"id","text","lang"?}; exits 2 if a line is malformed',
  flags: { lang: { type: "string" }, input: { type: "string" }, format: { type: "string" } },
  schema: Options,
  async run({ options, io }) {
    const text = options.format === "text";
    const { malformed } = await processJsonl({
      input: openPiiInput(options.input),
      write: io.stdout,
      drain: io.drain,
      reportError: lineErrorReporter(io),
      handle: (line) => {
        const entities = detect(line.text, { lang: line.lang ?? options.lang });
        return { id: line.id, entities };
      },
      serialise: text ? formatText : undefined,
    });
    return malformed > 0 ? 2 : 0;
  },
};
