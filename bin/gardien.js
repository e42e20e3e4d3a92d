#!/usr/bin/env node
// Node 24 strips TypeScript types itself: the CLI runs from its sources, no build step.
await import("../src/main.ts");
