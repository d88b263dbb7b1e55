/**
 * How often the biller-protection page reads the route again, without reloading: often enough
 * that a flood shows while it happens, and the rates are over this interval. Plain TypeScript,
 * so that the hub's browser test can run the page's clock on by exactly this much.
 */
export const billerProtectionRefreshMs = 2_000;
