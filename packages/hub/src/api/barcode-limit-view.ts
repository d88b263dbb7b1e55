import { type Static, Type } from "@sinclair/typebox";
import type { LevelLimits } from "../domain/barcode/barcode-limits.ts";
import { AmountOutput } from "./money-codec.ts";
import { barcodeLimitsPayload } from "./routes/barcode-limit-input.ts";

const LevelLimit = Type.Union([AmountOutput, Type.Null()], {
  description: "The daily limit per payer customer; null for none",
});

export const BarcodeLimitsViewSchema = Type.Object(
  {
    currency: Type.String(),
    A: LevelLimit,
    B: LevelLimit,
    C: LevelLimit,
    D: LevelLimit,
  },
  { title: "BarcodeLimits" },
);
export type BarcodeLimitsView = Static<typeof BarcodeLimitsViewSchema>;

export function barcodeLimitsView(currency: string, limits: LevelLimits): BarcodeLimitsView {
  return barcodeLimitsPayload(currency, limits);
}
