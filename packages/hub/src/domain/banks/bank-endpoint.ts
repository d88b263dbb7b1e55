import { normalizeEndpointUrl } from "../notifications/webhook-endpoint.ts";

/**
 * When an endpoint's circuit opens: once `failurePercent` of the calls in the last `windowMs`
 * failed, counted only when at least `minimumCalls` were made (a quiet endpoint with two
 * failures in ten minutes is not down). After `halfOpenAfterMs` one trial call is let through;
 * its success closes the circuit, its failure opens it again.
 */
export interface BreakerSettings {
  readonly failurePercent: number;
  readonly windowMs: number;
  readonly minimumCalls: number;
  readonly halfOpenAfterMs: number;
}

/** How the hub calls one of a bank's interface endpoints. */
export interface EndpointSettings {
  readonly url: string;
  /** The longest the hub waits for an answer; past it the outcome is unknown. */
  readonly timeoutMs: number;
  /** Calls in flight at once from one hub node; more are refused without being sent. */
  readonly concurrencyMax: number;
  readonly breaker: BreakerSettings;
  /** A disabled endpoint is never called. */
  readonly enabled: boolean;
}

/**
 * One of a bank's interface endpoints (a branch's quick-pay interface, say). The operator picks
 * the id; agreements stay pinned to the endpoint they were signed through.
 */
export interface BankEndpoint extends EndpointSettings {
  readonly bankId: string;
  readonly id: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** When the operator retired it (see endpoint-retirement.ts); null while in service. */
  readonly retiredAt: number | null;
}

/** An inclusive range and the default of one numeric setting. */
export interface SettingRange {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export const endpointSettingRanges = {
  timeoutMs: { min: 100, max: 120_000, default: 10_000 },
  concurrencyMax: { min: 1, max: 1_000, default: 64 },
  failurePercent: { min: 1, max: 99, default: 50 },
  windowMs: { min: 1_000, max: 600_000, default: 30_000 },
  minimumCalls: { min: 1, max: 10_000, default: 20 },
  halfOpenAfterMs: { min: 100, max: 600_000, default: 15_000 },
} as const satisfies Record<string, SettingRange>;

/**
 * Endpoints in service (not retired) per bank. The seed's bank had five branch interfaces; a few
 * more leave room for a migration's target.
 */
export const endpointsPerBankMax = 16;
/** Endpoints kept per bank, retired ones included: bounds a bank's listing. */
export const endpointsKeptPerBankMax = 256;
export const bankEndpointIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const breakerDefaults: BreakerSettings = {
  failurePercent: endpointSettingRanges.failurePercent.default,
  windowMs: endpointSettingRanges.windowMs.default,
  minimumCalls: endpointSettingRanges.minimumCalls.default,
  halfOpenAfterMs: endpointSettingRanges.halfOpenAfterMs.default,
};

/** What the operator may leave out or change; each field is checked on its own. */
export interface EndpointSettingsPatch {
  readonly url?: string | undefined;
  readonly timeoutMs?: number | undefined;
  readonly concurrencyMax?: number | undefined;
  readonly breaker?: Partial<BreakerSettings> | undefined;
  readonly enabled?: boolean | undefined;
}

export type EndpointSettingsError = "bank_endpoint_url_invalid" | "bank_endpoint_settings_invalid";

export type PatchCheck =
  | { readonly ok: true; readonly patch: EndpointSettingsPatch }
  | { readonly ok: false; readonly code: EndpointSettingsError };

function inRange(value: number | undefined, range: SettingRange): boolean {
  return (
    value === undefined || (Number.isSafeInteger(value) && value >= range.min && value <= range.max)
  );
}

/** The patch with its URL normalised, or why it cannot be applied to any endpoint. */
export function checkSettingsPatch(patch: EndpointSettingsPatch): PatchCheck {
  const url = patch.url === undefined ? undefined : normalizeEndpointUrl(patch.url);
  if (patch.url !== undefined && url === undefined) {
    return { ok: false, code: "bank_endpoint_url_invalid" };
  }
  const r = endpointSettingRanges;
  const breaker = patch.breaker ?? {};
  const valid =
    inRange(patch.timeoutMs, r.timeoutMs) &&
    inRange(patch.concurrencyMax, r.concurrencyMax) &&
    inRange(breaker.failurePercent, r.failurePercent) &&
    inRange(breaker.windowMs, r.windowMs) &&
    inRange(breaker.minimumCalls, r.minimumCalls) &&
    inRange(breaker.halfOpenAfterMs, r.halfOpenAfterMs);
  if (!valid) return { ok: false, code: "bank_endpoint_settings_invalid" };
  return { ok: true, patch: url === undefined ? patch : { ...patch, url } };
}

/** The settings with a checked patch applied; fields the patch leaves out are kept. */
export function applySettingsPatch(
  settings: EndpointSettings,
  patch: EndpointSettingsPatch,
): EndpointSettings {
  return {
    url: patch.url ?? settings.url,
    timeoutMs: patch.timeoutMs ?? settings.timeoutMs,
    concurrencyMax: patch.concurrencyMax ?? settings.concurrencyMax,
    breaker: {
      failurePercent: patch.breaker?.failurePercent ?? settings.breaker.failurePercent,
      windowMs: patch.breaker?.windowMs ?? settings.breaker.windowMs,
      minimumCalls: patch.breaker?.minimumCalls ?? settings.breaker.minimumCalls,
      halfOpenAfterMs: patch.breaker?.halfOpenAfterMs ?? settings.breaker.halfOpenAfterMs,
    },
    enabled: patch.enabled ?? settings.enabled,
  };
}

/** A new endpoint's settings: the checked fields given, defaults for the rest. */
export function newEndpointSettings(url: string, patch: EndpointSettingsPatch): EndpointSettings {
  const defaults: EndpointSettings = {
    url,
    timeoutMs: endpointSettingRanges.timeoutMs.default,
    concurrencyMax: endpointSettingRanges.concurrencyMax.default,
    breaker: breakerDefaults,
    enabled: true,
  };
  return applySettingsPatch(defaults, patch);
}

/** True when two settings call the endpoint alike (for the guard: rebuild only what changed). */
export function sameBreaker(a: BreakerSettings, b: BreakerSettings): boolean {
  return (
    a.failurePercent === b.failurePercent &&
    a.windowMs === b.windowMs &&
    a.minimumCalls === b.minimumCalls &&
    a.halfOpenAfterMs === b.halfOpenAfterMs
  );
}
