import type { components, paths } from "./generated/openapi-types.ts";

/**
 * Names for the shapes of the participant API, every one taken from the types generated from
 * the hub's OpenAPI document: when the hub's API changes, these change with it.
 */

type JsonContent<Entry> = Entry extends { content: { "application/json": infer Body } }
  ? Body
  : never;

/** A transfer as the hub answers it: amounts are decimal strings, numbers masked. */
export type Transfer = JsonContent<paths["/v1/transfers/{transferId}"]["get"]["responses"][200]>;
export type TransferState = Transfer["state"];

/** A transfer as the hub takes it; `id` is the idempotency key. */
export type NewTransfer = JsonContent<paths["/v1/transfers"]["post"]["requestBody"]>;
/** A new transfer whose `id` the client sets to a fresh UUID when it is left out. */
export type TransferRequest = Omit<NewTransfer, "id"> & { readonly id?: string };
export type CustomerParty = NonNullable<NewTransfer["debtor"]>;

export type TransferPage = JsonContent<paths["/v1/transfers"]["get"]["responses"][200]>;
/** Filters and paging of the transfer list; `cursor` is the previous page's `next`. */
export type TransferQuery = NonNullable<paths["/v1/transfers"]["get"]["parameters"]["query"]>;
/** One item of a bulk answer: `status` is what the item alone would have answered. */
export type BulkTransferResult = JsonContent<
  paths["/v1/transfers/bulk"]["post"]["responses"][200]
>["results"][number];

export type Account = JsonContent<
  paths["/v1/accounts"]["get"]["responses"][200]
>["accounts"][number];

export type WebhookEndpoint = JsonContent<
  paths["/v1/webhook-endpoints/{endpointId}"]["get"]["responses"][200]
>;
export type NewWebhookEndpoint = JsonContent<paths["/v1/webhook-endpoints"]["post"]["requestBody"]>;

/** A quick-pay agreement as the hub answers it: every customer number masked. */
export type Agreement = JsonContent<paths["/v1/agreements/{agreementId}"]["get"]["responses"][200]>;
export type AgreementState = Agreement["state"];
/** A signing as the hub takes it; `id` is the idempotency key among the institution's. */
export type NewAgreement = JsonContent<paths["/v1/agreements"]["post"]["requestBody"]>;
export type AgreementPage = JsonContent<paths["/v1/agreements"]["get"]["responses"][200]>;
export type AgreementQuery = NonNullable<paths["/v1/agreements"]["get"]["parameters"]["query"]>;

/** A payment, payout or refund as the hub answers it. */
export type BankOperation = JsonContent<
  paths["/v1/agreement-payments/{paymentId}"]["get"]["responses"][200]
>;
export type BankOperationState = BankOperation["state"];
export type NewAgreementPayment = JsonContent<
  paths["/v1/agreement-payments"]["post"]["requestBody"]
>;

/** A payout as the hub takes it: to an agreement's account, or to account details. */
export type NewPayout = JsonContent<paths["/v1/payouts"]["post"]["requestBody"]>;
export type NewRefund = JsonContent<paths["/v1/refunds"]["post"]["requestBody"]>;

/** A biller of the catalogue: what to ask the user, and how its payments are checked. */
export type Biller = JsonContent<paths["/v1/billers/{billerId}"]["get"]["responses"][200]>;
export type BillerCategory = Biller["category"];
export type CustomerParameter = Biller["parameters"][number];
export type BillerPage = JsonContent<paths["/v1/billers"]["get"]["responses"][200]>;
/** `updatedSince` keeps only billers changed since; `cursor` is the previous page's `next`. */
export type BillerQuery = NonNullable<paths["/v1/billers"]["get"]["parameters"]["query"]>;
/** A channel's subscription to a customer's bills at a biller: the parameters masked. */
export type BillSubscription = JsonContent<
  paths["/v1/bill-subscriptions"]["post"]["responses"][201]
>;
/** A subscription as the hub takes it; the same biller and parameters again are a retry. */
export type NewBillSubscription = JsonContent<
  paths["/v1/bill-subscriptions"]["post"]["requestBody"]
>;
export type BillSubscriptionPage = JsonContent<
  paths["/v1/bill-subscriptions"]["get"]["responses"][200]
>;
/** Paging and the biller filter; `cursor` is the previous page's `next`. */
export type BillSubscriptionQuery = NonNullable<
  paths["/v1/bill-subscriptions"]["get"]["parameters"]["query"]
>;

/** A bill payment as the hub answers it: its posting state and the biller's receipt. */
export type BillPayment = JsonContent<
  paths["/v1/bill-payments/{paymentId}"]["get"]["responses"][200]
>;
export type BillPaymentState = BillPayment["state"];
/** A bill payment as the hub takes it: a `billRef`, or the customer parameters (direct pay). */
export type NewBillPayment = JsonContent<paths["/v1/bill-payments"]["post"]["requestBody"]>;
/** A bill inquiry: the biller, the customer's parameters, and who asks (`user` or `scheduled`). */
export type NewBillInquiry = JsonContent<paths["/v1/bill-inquiries"]["post"]["requestBody"]>;
/** The bills due, each under the `billRef` to pay it by, valid until its `expiresAt`. */
export type BillInquiry = JsonContent<paths["/v1/bill-inquiries"]["post"]["responses"][200]>;
export type PresentedBill = BillInquiry["bills"][number];

/** An RFC 9457 problem as the hub writes it. */
export type Problem = components["schemas"]["Problem"];
/** Every code this version of the hub's document lists. */
export type ProblemCode = Problem["code"];

/** The body of a transfer's webhook. */
export type TransferEvent = components["schemas"]["TransferEvent"];
/** The body of an agreement's webhook. */
export type AgreementEvent = components["schemas"]["AgreementEvent"];
/** The body of a payment's, payout's or refund's webhook. */
export type BankOperationEvent = components["schemas"]["BankOperationEvent"];
/** The body of a `bill.presented` webhook: a biller pushed a bill you subscribed to. */
export type BillEvent = components["schemas"]["BillEvent"];
/** The body of any webhook the hub sends; `type` tells which. */
export type HubEvent = TransferEvent | AgreementEvent | BankOperationEvent | BillEvent;
export type EventType = HubEvent["type"];

/** The hub's public signing keys, a JWK Set. */
export type HubKeySet = JsonContent<
  paths["/.well-known/clearhub-hub-keys"]["get"]["responses"][200]
>;

/** What matching an uploaded record found: the day's rows on each side and its breaks by kind. */
export type ReconciliationMatch = JsonContent<
  paths["/v1/reconciliation/days/{day}/record"]["put"]["responses"][200]
>;
export type ReconciliationBreak = components["schemas"]["ReconciliationBreak"];
export type ReconciliationBreakPage = JsonContent<
  paths["/v1/reconciliation/breaks"]["get"]["responses"][200]
>;
/** Filters and paging of the break list; `after` is the previous page's last id. */
export type ReconciliationBreakQuery = NonNullable<
  paths["/v1/reconciliation/breaks"]["get"]["parameters"]["query"]
>;

/** One of your merchants, as the acquirer reads it. */
export type Merchant = JsonContent<paths["/v1/merchants/{merchantId}"]["get"]["responses"][200]>;
/** A merchant's fields as the acquirer sets them (EMVCo limits: name 25, city 15 characters). */
export type MerchantFields = JsonContent<paths["/v1/merchants/{merchantId}"]["put"]["requestBody"]>;
export type MerchantPage = JsonContent<paths["/v1/merchants"]["get"]["responses"][200]>;
/** `cursor` is the previous page's `next`. */
export type MerchantQuery = NonNullable<paths["/v1/merchants"]["get"]["parameters"]["query"]>;
/** A merchant as any payer's institution looks it up: what payers see, nothing more. */
export type MerchantDirectoryEntry = JsonContent<
  paths["/v1/merchant-directory/{acquirerId}/{merchantId}"]["get"]["responses"][200]
>;
/** One entry of the code-prefix routing table. */
export type CodePrefix = JsonContent<
  paths["/v1/code-prefixes"]["get"]["responses"][200]
>["items"][number];

/** A refund of a barcode payment, as its acquirer or the payment's issuer reads it. */
export type BarcodeRefund = JsonContent<
  paths["/v1/barcode-refunds/{refundId}"]["get"]["responses"][200]
>;
/** What the payment's acquirer asks: its refund id (the idempotency key), amount and reason. */
export type NewBarcodeRefund = JsonContent<
  paths["/v1/barcode-payments/{paymentId}/refunds"]["post"]["requestBody"]
>;
/** A barcode payment as the hub answers it, to its issuer and to its acquirer. */
export type BarcodePayment = JsonContent<
  paths["/v1/barcode-payments/{paymentId}"]["get"]["responses"][200]
>;
/**
 * A merchant-presented payment as the payer's institution sends it: the scanned payload, the
 * amount (a static code's; a dynamic code's own amount may be left out), the payer customer.
 */
export type NewQrPayment = JsonContent<paths["/v1/qr-payments"]["post"]["requestBody"]>;
/** A consumer-presented payment as the acquirer sends it: the number read, amount, merchant. */
export type NewCodePayment = JsonContent<paths["/v1/code-payments"]["post"]["requestBody"]>;
