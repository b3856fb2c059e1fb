import { defineConfig } from "vitest/config";
import SlowestFirst from "./sequencer.js";

// Tests live in test/, mirroring the sources; CLI tests run the built dist/ (npm test builds first).
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    sequence: { sequencer: SlowestFirst },
    // Two files at once (vitest would run one at a time on two cores): most tests wait on child processes and servers.
    maxWorkers: 2,
    testTimeout: 60_000,
    tags: [
      {
        name: "declarations",
        description: "derives what it expects from the project's declarations (the matrices, the discovered properties, the variants); the README recipes test reruns these in its copy",
      },
    ],
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "dist/test-results.json" },
  },
});
