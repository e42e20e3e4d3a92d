import { z } from "zod";
import { RegisterFile } from "../model/register-file.schema.ts";

let cached: Record<string, unknown> | undefined;

/** The published JSON Schema of register-as-code files, derived from the same Zod model. */
export function registerJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...z.toJSONSchema(RegisterFile, { io: "input", target: "draft-2020-12" }),
    $id: "https://gardien.dev/schema/register/v1.json",
    title: "Gardien register of processing activities (GDPR Art. 30)",
  };
  return cached;
}
