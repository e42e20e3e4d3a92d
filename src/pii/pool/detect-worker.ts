import { parentPort } from "node:worker_threads";
import { detect } from "../detect.ts";
import type { DetectLang } from "../entity.ts";
import { EntityPacker } from "./encode-entities.ts";

/** A chunk of texts to scan. Sent as an array: the strings arrive flat, which the scanner reads fastest. */
export type DetectJob = { id: number; texts: string[]; lang: DetectLang };
/** The entities of a job's texts, packed (see encode-entities.ts); its buffer is transferred, not copied. */
export type DetectReply = { id: number; packed: Int32Array };

const packer = new EntityPacker();

parentPort?.on("message", (job: DetectJob) => {
  const options = { lang: job.lang };
  const texts = job.texts;
  packer.reset(texts.length);
  for (let i = 0; i < texts.length; i++) packer.add(i, detect(texts[i]!, options));
  const packed = packer.finish();
  const reply: DetectReply = { id: job.id, packed };
  parentPort!.postMessage(reply, [packed.buffer as ArrayBuffer]);
});
