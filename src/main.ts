import { enableCompileCache } from "./app/enable-compile-cache.ts";

enableCompileCache();

const { runCli } = await import("./cli/run-cli.ts");
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  // Resolves once the bytes are written (or the reader went away, as `drain` does below).
  stdoutBytes: (bytes) => new Promise((resolve) => process.stdout.write(bytes, () => resolve())),
  stderr: (text) => process.stderr.write(text),
  drain: () => {
    const out = process.stdout;
    if (!out.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        out.off("drain", done);
        out.off("close", done);
        resolve();
      };
      out.on("drain", done);
      out.on("close", done);
    });
  },
});
