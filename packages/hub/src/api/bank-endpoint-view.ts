import { type Static, type TString, Type } from "@sinclair/typebox";
import type { EndpointHealthView } from "../app/banks/bank-endpoint-service.ts";
import type { BankEndpoint } from "../domain/banks/bank-endpoint.ts";

const DateTime = Type.String({ format: "date-time" });

export const BreakerSettingsSchema = Type.Object({
  failurePercent: Type.Integer({
    description: "The circuit opens when this share of the window's calls failed",
  }),
  windowMs: Type.Integer({ description: "The window the share is taken over" }),
  minimumCalls: Type.Integer({ description: "Fewer calls in the window never open it" }),
  halfOpenAfterMs: Type.Integer({
    description: "How long it stays open before one trial call is let through",
  }),
});

/** The field that names an endpoint's owner in its view: as the kind names it. */
export type EndpointOwnerField = "bankId" | "billerId" | "issuerId";

/**
 * An endpoint's view, for banks, billers and issuers alike: only the owner's field differs, named as its
 * kind names it (see `domain/calls/callable-endpoint.ts`).
 */
export function endpointViewSchema<Owner extends EndpointOwnerField>(
  ownerField: Owner,
  title: string,
  primaryMeaning: string,
) {
  return Type.Object(
    {
      ...({ [ownerField]: Type.String() } as Record<Owner, TString>),
      id: Type.String(),
      url: Type.String(),
      timeoutMs: Type.Integer(),
      concurrencyMax: Type.Integer({ description: "Calls in flight at once from one hub node" }),
      breaker: BreakerSettingsSchema,
      enabled: Type.Boolean(),
      primary: Type.Boolean({ description: primaryMeaning }),
      createdAt: DateTime,
      updatedAt: DateTime,
      retiredAt: Type.Union([DateTime, Type.Null()], {
        description:
          "When it was retired: never called, changed or migrated to again; null while in service",
      }),
    },
    { title },
  );
}

export const BankEndpointViewSchema = endpointViewSchema(
  "bankId",
  "BankEndpoint",
  "New signings go to the bank's primary endpoint",
);
export type BankEndpointView = Static<typeof BankEndpointViewSchema>;

export const BillerEndpointViewSchema = endpointViewSchema(
  "billerId",
  "BillerEndpoint",
  "The hub calls the biller's primary endpoint",
);

export const IssuerEndpointViewSchema = endpointViewSchema(
  "issuerId",
  "IssuerEndpoint",
  "The hub calls the issuer's primary endpoint: authorisations, inquiries, reversals, refunds",
);

export type EndpointViewBody =
  | BankEndpointView
  | Static<typeof BillerEndpointViewSchema>
  | Static<typeof IssuerEndpointViewSchema>;

/** The endpoint's fields, its owner under `ownerField`. */
export function endpointView(
  endpoint: BankEndpoint,
  primary: boolean,
  ownerField: EndpointOwnerField,
): EndpointViewBody {
  const view = {
    [ownerField]: endpoint.bankId,
    id: endpoint.id,
    url: endpoint.url,
    timeoutMs: endpoint.timeoutMs,
    concurrencyMax: endpoint.concurrencyMax,
    breaker: { ...endpoint.breaker },
    enabled: endpoint.enabled,
    primary,
    createdAt: new Date(endpoint.createdAt).toISOString(),
    updatedAt: new Date(endpoint.updatedAt).toISOString(),
    retiredAt: endpoint.retiredAt === null ? null : new Date(endpoint.retiredAt).toISOString(),
  };
  return view as EndpointViewBody;
}

export function bankEndpointView(endpoint: BankEndpoint, primary: boolean): BankEndpointView {
  return endpointView(endpoint, primary, "bankId") as BankEndpointView;
}

export const EndpointHealthViewSchema = Type.Object(
  {
    endpointId: Type.String(),
    enabled: Type.Boolean(),
    primary: Type.Boolean(),
    breaker: Type.Union([Type.Literal("closed"), Type.Literal("open"), Type.Literal("half_open")], {
      description: "open: calls are refused unsent; half_open: one trial call is in flight",
    }),
    inFlight: Type.Integer(),
    concurrencyMax: Type.Integer(),
    window: Type.Object(
      {
        seconds: Type.Integer(),
        calls: Type.Integer({ description: "Calls sent" }),
        failures: Type.Integer({ description: "Sent calls that failed, timeouts included" }),
        timeouts: Type.Integer(),
        refused: Type.Integer({
          description: "Calls refused unsent: open circuit, saturation, disabled",
        }),
      },
      { description: "The recent window on this hub node" },
    ),
    lastError: Type.Union([Type.Object({ at: DateTime, message: Type.String() }), Type.Null()]),
    latencyMs: Type.Union([Type.Object({ p50: Type.Number(), p99: Type.Number() }), Type.Null()], {
      description: "Over the window's sent calls; null when none was sent",
    }),
  },
  { title: "BankEndpointHealth" },
);
export type EndpointHealthBody = Static<typeof EndpointHealthViewSchema>;

export function endpointHealthView(health: EndpointHealthView): EndpointHealthBody {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    endpointId: health.endpointId,
    enabled: health.enabled,
    primary: health.primary,
    breaker: health.breaker,
    inFlight: health.inFlight,
    concurrencyMax: health.concurrencyMax,
    window: {
      seconds: Math.round(health.windowMs / 1000),
      calls: health.calls,
      failures: health.failures,
      timeouts: health.timeouts,
      refused: health.refused,
    },
    lastError:
      health.lastError === null
        ? null
        : { at: new Date(health.lastError.at).toISOString(), message: health.lastError.message },
    latencyMs:
      health.latencyMs === null
        ? null
        : { p50: round(health.latencyMs.p50), p99: round(health.latencyMs.p99) },
  };
}
