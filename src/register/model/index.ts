export * from "./activity.schema.ts";
export * from "./common.schema.ts";
export * from "./organisation.schema.ts";
export * from "./processor.schema.ts";
export * from "./processor-entry.schema.ts";
export * from "./register-file.schema.ts";
