import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test file runs in its own process; test/support/backends.ts gives every test its own
    // SQLite directory or PostgreSQL schema, so files can run in parallel.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
