import type { ApiServices } from "../api-services.ts";

/** What every route plugin receives: the use-cases (see ApiServices), never a store or an adapter. */
export interface RouteOptions {
  readonly hub: ApiServices;
}
