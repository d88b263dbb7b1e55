#!/usr/bin/env node
// The CLI runs the TypeScript sources directly: tsx compiles them on load, so there is no
// build step between a checkout and a running hub.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
