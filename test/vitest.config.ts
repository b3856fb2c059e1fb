import { defineConfig } from "vitest/config";

// Tests live in test/, mirroring the sources; CLI tests run the built dist/ (npm test builds first).
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "dist/test-results.json" },
  },
});
