import type { ParticipantKind } from "./participant.ts";

/**
 * What a participant may do through the participant API, by kind. Each route names one
 * operation; a participant whose kind lacks it is refused before anything is read or written.
 * Ownership (a participant sees only what it is party to) is checked by each use-case.
 */
export const participantOperations = {
  "connectivity.check": "Send a signed request that does nothing, to test signing and keys",
  "accounts.read": "Read its own accounts and balances",
  "transfers.create": "Move funds from its position to another participant's",
  "transfers.resolve": "Commit or void a reservation it made",
  "transfers.read": "Read and list transfers it is party to",
  "webhooks.manage": "Register, list and remove its webhook endpoints",
  "agreements.sign": "Sign, confirm and end its customers' quick-pay agreements with their banks",
  "agreements.read": "Read and list its quick-pay agreements",
  "bank-payments.create":
    "Debit customers' accounts through agreements, pay out to their accounts, and refund payments",
  "bank-payments.read": "Read its agreement payments, payouts and refunds",
  "bank-notices.send":
    "Tell the hub what the bank did on its own: agreements it ended, final outcomes of transactions",
  "billers.read": "Read the biller catalogue: who can be paid, and what to ask the user",
  "bill-subscriptions.manage":
    "Subscribe its users' customers at billers, to be told of their bills by webhook instead of asking",
  "bill-payments.create":
    "Pay customers' bills to billers, cleared at once and posted to the biller",
  "bill-payments.read": "Read its bill payments: posting state and the biller's receipt",
  "biller-notices.send":
    "Tell the hub what the biller did on its own: bills it issued or changed, reversals of postings",
  "bills.inquire": "Ask a biller, through the hub's protection, for a customer's bills due",
  "qr-payments.create":
    "Pay a merchant's EMVCo QR code its customer scanned, cleared at once to the merchant's acquirer",
  "code-payments.create":
    "Take payments by customers' payment codes and prepaid cards at its merchants, authorised by their issuers, and give up those whose outcome it never learnt",
  "wallet-notices.send":
    "Tell the hub what its wallet decided on its own: the final outcome of a code payment it answered pending",
  "barcode-payments.read":
    "Read the barcode payments it is party to, as issuer or acquirer, and look up a merchant's order",
  "reconciliation.read": "Read its daily statements and its reconciliation breaks",
  "reconciliation.submit":
    "Upload its own record of a business day, to be matched against the hub's",
  "merchants.manage": "Register, change, close and list the merchants it acquires",
  "merchants.read": "Look up any acquirer's merchant before paying it",
  "code-prefixes.read": "Read the code-prefix routing table: which issuer each prefix routes to",
} as const satisfies Record<string, string>;

export type ParticipantOperation = keyof typeof participantOperations;

const everyone: readonly ParticipantOperation[] = [
  "connectivity.check",
  "accounts.read",
  "transfers.read",
  "webhooks.manage",
  "reconciliation.read",
  "reconciliation.submit",
  "code-prefixes.read",
];
const payers: readonly ParticipantOperation[] = [
  ...everyone,
  "transfers.create",
  "transfers.resolve",
  // Banks and payment institutions both sell bill payment as channels.
  "billers.read",
  "bill-payments.create",
  "bill-payments.read",
  "bills.inquire",
  // Either may acquire merchants, and either may pay one.
  "merchants.manage",
  "merchants.read",
  // Banks' and payment institutions' apps scan merchants' codes, and both acquire merchants.
  "qr-payments.create",
  "code-payments.create",
  "barcode-payments.read",
];

/**
 * Banks and payment institutions pay; a biller only collects, so it cannot initiate a
 * payment. Quick-pay agreements are a payment institution's with its customers' banks, and
 * only a bank sends bank notices. Banks and payment institutions both sell bill payment as
 * channels, so both subscribe to bills; only a biller pushes them. Both may acquire merchants
 * and pay them; the routing table is public to every kind. The operator does not use the participant API: it has its
 * own, with its own token.
 */
const permissions: Readonly<Record<ParticipantKind, ReadonlySet<ParticipantOperation>>> = {
  bank: new Set([...payers, "bank-notices.send", "bill-subscriptions.manage"]),
  payment_institution: new Set([
    ...payers,
    "bill-subscriptions.manage",
    "agreements.sign",
    "agreements.read",
    "bank-payments.create",
    "bank-payments.read",
    // Only payment institutions issue payment codes and prepaid cards.
    "wallet-notices.send",
  ]),
  biller: new Set([...everyone, "biller-notices.send"]),
  operator: new Set(),
};

export function isPermitted(kind: ParticipantKind, operation: ParticipantOperation): boolean {
  return permissions[kind].has(operation);
}
