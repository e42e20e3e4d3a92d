import { z } from "zod";
import { threadCount } from "../../config/config.schema.ts";
import { AUTO_WORKERS_MIN_MIB, resolveWorkers } from "../../pii/stream/choose-workers.ts";
import { detectJsonlParallel } from "../../pii/stream/detect-jsonl-parallel.ts";
import { detectLine, detectSerialiser } from "../../pii/stream/detect-lines.ts";
import { processJsonl } from "../../pii/stream/process-jsonl.ts";
import type { CliCommand } from "../cli-command.ts";
import { lineErrorReporter, openPiiInput, piiInputPath } from "./pii-io.ts";

const Options = z
  .object({
    lang: z.enum(["fr", "en", "auto"]).default("auto"),
    input: z.string().optional(),
    format: z.enum(["jsonl", "text"]).default("jsonl"),
    workers: threadCount(1).default("auto"),
  })
  .strict();

export const piiDetectCommand: CliCommand<typeof Options> = {
  path: ["pii", "detect"],
  usage: "pii detect [--lang fr|en|auto] [--input FILE|-] [--format jsonl|text] [--workers N|auto]",
  summary: `Find personal data in JSONL lines {"id","text","lang"?}; a file of ${AUTO_WORKERS_MIN_MIB} MiB or more is spread over one worker thread per core (--workers N to choose, 1 for one thread); exits 2 if a line is malformed`,
  flags: {
    lang: { type: "string" },
    input: { type: "string" },
    format: { type: "string" },
    workers: { type: "string" },
  },
  schema: Options,
  async run({ options, io }) {
    const reportError = lineErrorReporter(io);
    const path = piiInputPath(options.input);
    const workers = resolveWorkers(options.workers, path);
    const { malformed } =
      workers > 1
        ? await detectJsonlParallel({
            input: path === undefined ? process.stdin : { path },
            reportError,
            write: io.stdoutBytes ?? ((bytes) => io.stdout(Buffer.from(bytes).toString("utf8"))),
            lang: options.lang,
            format: options.format,
            workers,
          })
        : await processJsonl({
            input: openPiiInput(options.input),
            write: io.stdout,
            drain: io.drain,
            reportError,
            handle: (line) => detectLine(line, options.lang),
            serialise: detectSerialiser(options.format),
          });
    return malformed > 0 ? 2 : 0;
  },
};
