import type { Config } from "../config/config.schema.ts";

/** Base of the links Gardien sends by e-mail: `publicUrl`, else the address the server listens on. */
export function publicBaseUrl(config: Config): string {
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  return base.replace(/\/+$/, "");
}
