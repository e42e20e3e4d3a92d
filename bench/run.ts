import { readdirSync } from "node:fs";
import { enableCompileCache } from "../src/app/enable-compile-cache.ts";

// As the CLI does (src/main.ts): worker threads started by a benchmark load their modules as the CLI's do.
enableCompileCache();

/** `npm run bench -- NAME` runs bench/NAME.ts; without a name it lists the benchmarks. */
const name = process.argv[2];
const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".ts") && !["run.ts", "stats.ts"].includes(f))
  .map((f) => f.slice(0, -3));

if (!name || !available.includes(name)) {
  console.log(`Usage: npm run bench -- NAME\nBenchmarks: ${available.join(", ")}`);
  process.exitCode = name ? 2 : 0;
} else {
  const mod = (await import(`./${name}.ts`)) as { run: () => Promise<void> };
  await mod.run();
}
