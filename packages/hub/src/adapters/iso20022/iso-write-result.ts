/**
 * Why a writer refused to produce a document, in order of precedence. Every refusal is
 * permanent: the same input is refused again, so the caller fixes the input (or its ids) rather
 * than retrying. `field` names the input field at fault.
 */
export const isoWriteRefusals = {
  currency_unknown: { meaning: "The currency is not an ISO 4217 currency the hub clears." },
  amount_out_of_range: {
    meaning:
      "The amount does not fit ISO 20022's amount types: negative where a size is expected, or more than 18 digits.",
  },
  text_invalid: {
    meaning:
      "A text is empty or longer than its ISO 20022 type allows (35 characters for identifiers, 140 for names).",
  },
  date_invalid: { meaning: "A date is not a calendar date written YYYY-MM-DD." },
  position_flat: {
    meaning: "The net position is zero: there is nothing to settle, so no settlement leg exists.",
  },
} as const;

export type IsoWriteRefusal = keyof typeof isoWriteRefusals;

export interface IsoWriteRefused {
  readonly ok: false;
  readonly code: IsoWriteRefusal;
  readonly field: string;
}

export type IsoWriteResult = { readonly ok: true; readonly xml: string } | IsoWriteRefused;

export function refused(code: IsoWriteRefusal, field: string): IsoWriteRefused {
  return { ok: false, code, field };
}
