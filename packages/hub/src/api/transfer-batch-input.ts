import { type Static, Type } from "@sinclair/typebox";
import {
  pendingTimeoutMsMax,
  referenceLengthMax,
  type TransferRequest,
  transferIdLengthMax,
} from "../domain/ledger/transfer.ts";
import { literalUnion } from "./literal-union.ts";
import { AmountInput, CurrencyInput, readMoney } from "./money-codec.ts";
import type { ProblemError } from "./problem.ts";

/**
 * The shape of a bulk transfer request, and its conversion to ledger requests. Shape is
 * checked here, per kind, so that one malformed item stops the whole request before anything
 * is submitted; values the ledger owns (id alphabet, timeout range, accounts, limits) are
 * left to the ledger, which answers them per transfer.
 */

export const transfersPerRequestMax = 1000;

/** Per-item codes of a `transfers_invalid` problem. */
export const transferItemErrorCodes = {
  field_required: "The transfer's kind needs this field",
  field_not_allowed: "The transfer's kind does not take this field",
  currency_unknown: "Not an ISO 4217 currency the hub clears",
  amount_invalid: "Not a plain decimal string",
  amount_not_positive: "Zero; transfers move a positive amount",
  amount_too_precise: "More decimals than the currency's minor unit",
  amount_too_large: "Beyond the ledger's range",
} as const;
export type TransferItemErrorCode = keyof typeof transferItemErrorCodes;

export function transferIdInput(note?: string) {
  const description =
    "The client's id for the transfer, unique across the ledger: 1-64 characters of A-Z, a-z, 0-9 and ._:- starting with a letter or digit.";
  return Type.String({
    minLength: 1,
    maxLength: transferIdLengthMax,
    description: note === undefined ? description : `${description} ${note}`,
  });
}

function accountIdInput() {
  return Type.Integer({ minimum: 1, description: "A ledger account id; posted and pending only" });
}

export const TransferItemInput = Type.Object(
  {
    id: transferIdInput(),
    kind: literalUnion(["posted", "pending", "commit", "void"], {
      description:
        "posted moves the amount now; pending reserves it until commit, void or timeout; commit and void resolve the pending named by pendingId",
    }),
    debitAccountId: Type.Optional(accountIdInput()),
    creditAccountId: Type.Optional(accountIdInput()),
    amount: Type.Optional(AmountInput),
    currency: Type.Optional(CurrencyInput),
    timeoutMs: Type.Optional(
      Type.Integer({ description: `pending only: 1..${pendingTimeoutMsMax} milliseconds` }),
    ),
    pendingId: Type.Optional(
      transferIdInput("commit and void only: the pending transfer to resolve."),
    ),
    reference: Type.Optional(Type.String({ maxLength: referenceLengthMax })),
    linked: Type.Optional(
      Type.Boolean({
        description: "When true, this transfer and the next succeed or fail together",
      }),
    ),
  },
  { additionalProperties: false, title: "TransferRequest" },
);
export type TransferItemInput = Static<typeof TransferItemInput>;

type Field = keyof TransferItemInput;

const postingFields: readonly Field[] = ["debitAccountId", "creditAccountId", "amount", "currency"];
const fieldsByKind: Record<TransferItemInput["kind"], { required: Field[]; allowed: Field[] }> = {
  posted: { required: [...postingFields], allowed: [...postingFields] },
  pending: { required: [...postingFields, "timeoutMs"], allowed: [...postingFields, "timeoutMs"] },
  commit: { required: ["pendingId"], allowed: ["pendingId"] },
  void: { required: ["pendingId"], allowed: ["pendingId"] },
};
const sharedFields: readonly Field[] = ["id", "kind", "reference", "linked"];

export type TransferBatchRead =
  | { readonly ok: true; readonly requests: TransferRequest[] }
  | { readonly ok: false; readonly errors: ProblemError[] };

function itemError(index: number, field: Field, code: TransferItemErrorCode): ProblemError {
  return {
    index,
    code,
    pointer: `/transfers/${index}/${field}`,
    detail: transferItemErrorCodes[code],
  };
}

function shapeErrors(item: TransferItemInput, index: number): ProblemError[] {
  const { required, allowed } = fieldsByKind[item.kind];
  const errors: ProblemError[] = [];
  for (const field of required) {
    if (item[field] === undefined) errors.push(itemError(index, field, "field_required"));
  }
  for (const field of Object.keys(item) as Field[]) {
    if (!sharedFields.includes(field) && !allowed.includes(field)) {
      errors.push(itemError(index, field, "field_not_allowed"));
    }
  }
  return errors;
}

function toRequest(item: TransferItemInput, index: number): TransferRequest | ProblemError[] {
  const shape = shapeErrors(item, index);
  if (shape.length > 0) return shape;
  const { id, reference, linked } = item;
  if (item.kind === "commit" || item.kind === "void") {
    return { kind: item.kind, id, pendingId: item.pendingId as string, reference, linked };
  }
  const money = readMoney(item.amount as string, item.currency as string);
  if (!money.ok) {
    const field = money.code === "currency_unknown" ? "currency" : "amount";
    return [itemError(index, field, money.code)];
  }
  return {
    kind: item.kind,
    id,
    debitAccountId: item.debitAccountId as number,
    creditAccountId: item.creditAccountId as number,
    amount: money.minor,
    currency: money.currency.code,
    timeoutMs: item.timeoutMs,
    reference,
    linked,
  };
}

/** All items or none: the errors of every malformed item, or every item as a ledger request. */
export function readTransferBatch(items: readonly TransferItemInput[]): TransferBatchRead {
  const requests: TransferRequest[] = [];
  const errors: ProblemError[] = [];
  items.forEach((item, index) => {
    const read = toRequest(item, index);
    if (Array.isArray(read)) errors.push(...read);
    else requests.push(read);
  });
  return errors.length === 0 ? { ok: true, requests } : { ok: false, errors };
}
