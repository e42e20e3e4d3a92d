import { parentPort } from "node:worker_threads";
import { detect } from "../detect.ts";
import type { DetectLang, Entity } from "../entity.ts";
import { encodeEntities } from "./encode-entities.ts";

/** A chunk of texts to scan. Sent as an array: the strings arrive flat, which the scanner reads fastest. */
export type DetectJob = { id: number; texts: string[]; lang: DetectLang };

parentPort!.on("message", (job: DetectJob) => {
  const options = { lang: job.lang };
  const results: Entity[][] = new Array(job.texts.length);
  for (let i = 0; i < job.texts.length; i++) results[i] = detect(job.texts[i]!, options);
  const packed = encodeEntities(results);
  parentPort!.postMessage({ id: job.id, packed }, [packed.buffer as ArrayBuffer]);
});
