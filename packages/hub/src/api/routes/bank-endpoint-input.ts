import { Type } from "@sinclair/typebox";
import { endpointUrlLengthMax } from "../../domain/notifications/webhook-endpoint.ts";
import { ParticipantIdInput } from "./participant-params.ts";

/** Longer than any valid id, so a bad id answers its own code or a 404, not a schema error. */
const idLengthMax = 128;

export const BankParams = Type.Object({ bankId: ParticipantIdInput });

export const BankEndpointParams = Type.Object({
  bankId: ParticipantIdInput,
  endpointId: Type.String({ minLength: 1, maxLength: idLengthMax }),
});

export const EndpointMigrationParams = Type.Object({
  bankId: ParticipantIdInput,
  migrationId: Type.String({ minLength: 1, maxLength: idLengthMax }),
});

export const EndpointIdInput = Type.String({
  minLength: 1,
  maxLength: idLengthMax,
  description:
    "1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
});

/** Ranges are checked by the registry and answered as `bank_endpoint_settings_invalid`. */
export const SettingsFields = {
  url: Type.String({
    minLength: 1,
    maxLength: endpointUrlLengthMax * 2,
    description: "Absolute http(s) URL of the bank's interface, without credentials",
  }),
  timeoutMs: Type.Integer({
    description: "100-120000, default 10000: past it the outcome is unknown",
  }),
  concurrencyMax: Type.Integer({
    description:
      "1-1000, default 64: calls in flight at once from one hub node; more are refused unsent",
  }),
  breaker: Type.Object(
    {
      failurePercent: Type.Optional(Type.Integer({ description: "1-99, default 50" })),
      windowMs: Type.Optional(Type.Integer({ description: "1000-600000, default 30000" })),
      minimumCalls: Type.Optional(Type.Integer({ description: "1-10000, default 20" })),
      halfOpenAfterMs: Type.Optional(Type.Integer({ description: "100-600000, default 15000" })),
    },
    {
      additionalProperties: false,
      description:
        "The circuit opens when failurePercent of the calls in windowMs failed (with at least minimumCalls), and lets one trial call through after halfOpenAfterMs",
    },
  ),
  enabled: Type.Boolean({ description: "A disabled endpoint is never called" }),
};
