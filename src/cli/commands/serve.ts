import { z } from "zod";
import type { CliCommand } from "../cli-command.ts";

export const serveCommand: CliCommand = {
  path: ["serve"],
  usage: "serve [--port N] [--host H]",
  summary: "Start the HTTP server (API, OpenAPI document, health check)",
  flags: {},
  schema: z.object({}).strict(),
  async run({ config, io, openContext }) {
    const ctx = await openContext();
    const { buildServer } = await import("../../http/build-server.ts");
    const app = await buildServer(ctx);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    io.stdout(`Gardien listening on http://${config.host}:${port} (store: ${ctx.dialect})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await app.close();
    return 0;
  },
};
