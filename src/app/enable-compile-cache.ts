import module from "node:module";

/**
 * Turns on Node's compile cache for this process and for the worker threads it starts. The CLI is judged
 * on wall time (`gardien lint` in a team's CI): the cache keeps the compiled (and type-stripped) modules
 * between runs. Worker threads (`pii detect --workers N`) read it only when told where it is, through the
 * environment they inherit: measured on a 183 MB file, two workers then used 0.4 s less CPU in all, since
 * without it each loaded Node's TypeScript stripper and V8 compiled that on a helper thread.
 * (`bin/gardien.js` switches the cache on earlier still, before the first .ts module; calling again is
 * harmless.)
 */
export function enableCompileCache(): void {
  module.enableCompileCache?.();
  const dir = module.getCompileCacheDir?.();
  if (dir !== undefined) process.env.NODE_COMPILE_CACHE ??= dir;
}
