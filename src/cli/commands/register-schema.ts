import { z } from "zod";
import { registerJsonSchema } from "../../register/io/register-json-schema.ts";
import type { CliCommand } from "../cli-command.ts";

export const registerSchemaCommand: CliCommand = {
  path: ["register", "schema"],
  usage: "register schema",
  summary: "Print the JSON Schema of register-as-code files",
  flags: {},
  schema: z.object({}).strict(),
  async run({ io }) {
    io.stdout(`${JSON.stringify(registerJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
