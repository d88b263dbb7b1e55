import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { ApiServices } from "../api-services.ts";
import { participantSecuritySchemeName } from "../openapi-document.ts";
import type { RouteOptions } from "../routes/route-options.ts";
import { billNoticeRoute } from "./bill-notice-route.ts";
import { billPaymentRoutes } from "./bill-payment-routes.ts";
import {
  createBillSubscriptionRoute,
  deleteBillSubscriptionRoute,
  listBillSubscriptionsRoute,
} from "./bill-subscription-routes.ts";
import { billerCatalogueRoutes } from "./biller-catalogue-routes.ts";
import { billerReversalNoticeRoute } from "./biller-reversal-notice-route.ts";
import { codePaymentRoutes } from "./code-payment-routes.ts";
import { codePrefixRoutes } from "./code-prefix-routes.ts";
import { confirmAgreementRoute } from "./confirm-agreement-route.ts";
import { createAgreementPaymentRoute } from "./create-agreement-payment-route.ts";
import { createAgreementRoute } from "./create-agreement-route.ts";
import { createBillInquiryRoute } from "./create-bill-inquiry-route.ts";
import { createTransferRoute } from "./create-transfer-route.ts";
import { createTransfersBulkRoute } from "./create-transfers-bulk-route.ts";
import { deleteWebhookEndpointRoute } from "./delete-webhook-endpoint-route.ts";
import { getAgreementPaymentRoute } from "./get-agreement-payment-route.ts";
import { getAgreementRoute } from "./get-agreement-route.ts";
import { getTransferRoute } from "./get-transfer-route.ts";
import { getWebhookEndpointRoute } from "./get-webhook-endpoint-route.ts";
import { listAccountsRoute } from "./list-accounts-route.ts";
import { listAgreementsRoute } from "./list-agreements-route.ts";
import { listTransfersRoute } from "./list-transfers-route.ts";
import { listWebhookEndpointsRoute } from "./list-webhook-endpoints-route.ts";
import { merchantRoutes } from "./merchant-routes.ts";
import { ParticipantAuth } from "./participant-auth.ts";
import {
  createPayoutRoute,
  createRefundRoute,
  getPayoutRoute,
  getRefundRoute,
} from "./payout-and-refund-routes.ts";
import { pingRoute } from "./ping-route.ts";
import { qrPaymentRoutes } from "./qr-payment-routes.ts";
import { participantReconciliationRoutes } from "./reconciliation-routes.ts";
import { registerWebhookEndpointRoute } from "./register-webhook-endpoint-route.ts";
import { resolveTransferRoute } from "./resolve-transfer-route.ts";
import { transactionResultNoticeRoute } from "./transaction-result-notice-route.ts";
import { unsignAgreementRoute } from "./unsign-agreement-route.ts";
import { unsignedNoticeRoute } from "./unsigned-notice-route.ts";

const participantRoutes: readonly FastifyPluginAsyncTypebox<RouteOptions>[] = [
  pingRoute,
  listAccountsRoute,
  createTransferRoute,
  createTransfersBulkRoute,
  listTransfersRoute,
  getTransferRoute,
  resolveTransferRoute,
  registerWebhookEndpointRoute,
  listWebhookEndpointsRoute,
  getWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  createAgreementRoute,
  confirmAgreementRoute,
  unsignAgreementRoute,
  getAgreementRoute,
  listAgreementsRoute,
  unsignedNoticeRoute,
  createAgreementPaymentRoute,
  getAgreementPaymentRoute,
  transactionResultNoticeRoute,
  createPayoutRoute,
  getPayoutRoute,
  createRefundRoute,
  getRefundRoute,
  billerCatalogueRoutes,
  createBillSubscriptionRoute,
  listBillSubscriptionsRoute,
  deleteBillSubscriptionRoute,
  billNoticeRoute,
  billPaymentRoutes,
  billerReversalNoticeRoute,
  createBillInquiryRoute,
  participantReconciliationRoutes,
  merchantRoutes,
  codePrefixRoutes,
  qrPaymentRoutes,
  codePaymentRoutes,
];

export interface ParticipantApiOptions {
  readonly createdSkewMsMax?: number | undefined;
}

/**
 * The participants' API under /v1: every request signed (RFC 9421) by a key of a participant
 * whose kind may do what the route does. Bodies are parsed as on every route (json-body.ts),
 * kept raw as well, because the signature covers the bytes' digest, not the parsed value.
 */
export function participantApi(
  hub: ApiServices,
  options: ParticipantApiOptions = {},
): FastifyPluginAsyncTypebox {
  return async (v1) => {
    const auth = new ParticipantAuth({
      keys: hub.signers,
      nonces: hub.nonces,
      createdSkewMsMax: options.createdSkewMsMax,
    });
    // Refuses at start-up a route that would run without saying what it does.
    v1.addHook("onRoute", (route) => {
      if (route.config?.operation === undefined) {
        throw new Error(`participant route ${route.method} ${route.url} names no operation`);
      }
      route.schema = { ...route.schema, security: [{ [participantSecuritySchemeName]: [] }] };
    });
    v1.addHook("onRequest", auth.requireSignatureHeaders);
    v1.addHook("preValidation", auth.verify);
    for (const route of participantRoutes) await v1.register(route, { hub });
  };
}
