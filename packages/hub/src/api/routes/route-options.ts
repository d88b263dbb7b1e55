import type { Hub } from "../../hub.ts";

/** What every route plugin receives: the composition root, never an adapter directly. */
export interface RouteOptions {
  readonly hub: Hub;
}
