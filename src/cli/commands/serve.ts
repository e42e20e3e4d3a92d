import { z } from "zod";
import type { CliCommand } from "../cli-command.ts";

const Options = z
  .object({
    /**
     * Seconds between two runs of the rights scheduler (reminders, overdue flags, the mail outbox); 0 turns
     * it off in this process (for installs that run `gardien rights run-reminders` from cron instead).
     */
    "rights-interval": z.coerce.number().int().min(0).max(86_400).default(60),
  })
  .strict();

export const serveCommand: CliCommand<typeof Options> = {
  path: ["serve"],
  usage: "serve [--port N] [--host H] [--rights-interval SECONDS]",
  summary: "Start the HTTP server (API, OpenAPI document, health check) and the rights reminders",
  flags: { "rights-interval": { type: "string" } },
  schema: Options,
  async run({ config, io, openContext, options }) {
    const ctx = await openContext();
    const { buildServer } = await import("../../http/build-server.ts");
    const app = await buildServer(ctx);
    const interval = options["rights-interval"];
    let scheduler: { stop: () => Promise<void> } | undefined;
    // Stopped before the store closes: a run in progress finishes its transaction first.
    app.addHook("onClose", async () => {
      await scheduler?.stop();
    });
    await app.listen({ port: config.port, host: config.host });
    if (interval > 0) {
      const { startRightsScheduler } = await import("../../rights/scheduler/start-rights-scheduler.ts");
      scheduler = startRightsScheduler(ctx, { intervalMs: interval * 1000 });
    }
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    io.stdout(
      `Gardien listening on http://${config.host}:${port} (store: ${ctx.dialect}; rights reminders: ${interval > 0 ? `every ${interval} s` : "off"})\n`,
    );
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
