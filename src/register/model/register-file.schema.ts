import { z } from "zod";
import { Activity } from "./activity.schema.ts";
import { Organisation } from "./organisation.schema.ts";
import { Processor } from "./processor.schema.ts";
import { ProcessorEntry } from "./processor-entry.schema.ts";

export const REGISTER_FORMAT_VERSION = 1;

/** A whole register as one file: what `gardien register export` writes and `import` reads. */
export const RegisterFile = z
  .object({
    gardien: z.literal(REGISTER_FORMAT_VERSION).describe("Register file format version"),
    organisation: Organisation,
    processors: z.array(Processor).default([]),
    activities: z.array(Activity).default([]),
    processorRegister: z.array(ProcessorEntry).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = (list: ReadonlyArray<{ ref: string }>, key: string) => {
      const refs = new Map<string, number>();
      list.forEach((item, i) => {
        const first = refs.get(item.ref);
        if (first !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [key, i, "ref"],
            message: `duplicate ref "${item.ref}" (first used at ${key}[${first}])`,
          });
        } else refs.set(item.ref, i);
      });
    };
    seen(file.processors, "processors");
    seen(file.activities, "activities");
    seen(file.processorRegister, "processorRegister");
  });
export type RegisterFile = z.infer<typeof RegisterFile>;
export type RegisterFileInput = z.input<typeof RegisterFile>;
