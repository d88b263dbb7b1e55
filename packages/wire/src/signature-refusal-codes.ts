import { type SignatureFailureCode, signatureFailureCodes } from "@clearhub/http-signatures";

/** A refusal of a request that failed its signature check: always 401. */
export interface SignatureRefusal {
  readonly status: 401;
  readonly meaning: string;
}

/**
 * The refusals a participant's system answers to a request of the hub whose signature fails,
 * one per failure code of the signature library, so that every interface names them alike.
 */
export const signatureRefusalCodes = Object.fromEntries(
  Object.entries(signatureFailureCodes).map(([code, { meaning }]) => [
    code,
    { status: 401, meaning },
  ]),
) as Record<SignatureFailureCode, SignatureRefusal>;
