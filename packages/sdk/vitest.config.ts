import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file starts hubs of its own, on their own stores and ports: files run in parallel.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
