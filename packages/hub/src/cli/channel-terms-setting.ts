import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { ConfiguredChannelTerms } from "../app/billers/biller-admission-gate.ts";
import { channelWeightMax } from "../domain/billers/admission-rule.ts";
import { participantIdPattern } from "../domain/participant/participant.ts";
import { CliError } from "./cli-error.ts";

const Quota = Type.Integer({ minimum: 1, maximum: 100_000 });

/**
 * `CLEARHUB_CHANNEL_TERMS`: per channel id, its weight in the fair shares of every biller's
 * capacity and its own quotas per class, as JSON, e.g.
 * `{"wallet-alpha":{"weight":3,"quotas":{"scheduled_inquiry":5}}}`.
 */
const ChannelTermsSetting = Type.Record(
  Type.String(),
  Type.Object(
    {
      weight: Type.Optional(Type.Integer({ minimum: 1, maximum: channelWeightMax })),
      quotas: Type.Optional(
        Type.Object(
          {
            posting: Type.Optional(Quota),
            user_inquiry: Type.Optional(Quota),
            scheduled_inquiry: Type.Optional(Quota),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  { maxProperties: 10_000 },
);

/** The variable's terms, or undefined when unset; a bad value stops the start naming what is wrong. */
export function channelTermsFrom(text: string | undefined): ConfiguredChannelTerms | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError("CLEARHUB_CHANNEL_TERMS: not JSON");
  }
  if (!Value.Check(ChannelTermsSetting, parsed)) {
    const first = Value.Errors(ChannelTermsSetting, parsed).First();
    throw new CliError(`CLEARHUB_CHANNEL_TERMS: ${first?.path || "/"} ${first?.message ?? ""}`);
  }
  // Keys are checked here: a record's key schema does not constrain the keys it accepts.
  const stray = Object.keys(parsed).find((id) => !participantIdPattern.test(id));
  if (stray !== undefined) {
    throw new CliError(`CLEARHUB_CHANNEL_TERMS: /${stray} is not a participant id`);
  }
  return parsed as Static<typeof ChannelTermsSetting>;
}
