#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, as the clearhub CLI does: no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/wallet-simulator-cli.ts");
