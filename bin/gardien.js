#!/usr/bin/env node
// Node 24 strips TypeScript types itself: the CLI runs from its sources, no build step. The compile cache
// is switched on before the first .ts module loads: with it warm, Node reads the stripped and compiled
// modules from disk and never starts its TypeScript stripper (a WebAssembly module) at all.
import module from "node:module";

module.enableCompileCache?.();
await import("../src/main.ts");
