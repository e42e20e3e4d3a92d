import { detect } from "../detect.ts";
import type { DetectLang, Entity } from "../entity.ts";
import type { PiiInputLine } from "./process-jsonl.ts";

export type DetectFormat = "jsonl" | "text";
type Detected = { id: string | number; entities: Entity[] };

/** What `gardien pii detect` answers for one input line, on the main thread or in a worker. */
export function detectLine(line: PiiInputLine, lang: DetectLang): Detected {
  return { id: line.id, entities: detect(line.text, { lang: line.lang ?? lang }) };
}

/** One line per input line: `id  TYPE start-end score, …` (offsets only: the values stay out of logs). */
function formatText(result: unknown): string {
  const { id, entities } = result as Detected;
  const found = entities.map((e) => `${e.type} ${e.start}-${e.end} ${e.score}`).join(", ");
  return `${id}\t${found || "-"}`;
}

/** The serialiser of an output format (JSON lines by default). */
export function detectSerialiser(format: DetectFormat): ((result: unknown) => string) | undefined {
  return format === "text" ? formatText : undefined;
}
