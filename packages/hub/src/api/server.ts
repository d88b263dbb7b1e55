import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { registerStringFormats } from "@clearhub/wire";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from "@fastify/type-provider-typebox";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
} from "fastify";
import type { LoggerOptions } from "pino";
import type { RequestCaller } from "../app/observability/request-metrics.ts";
import { AgreementEventSchema } from "./agreement-event-schema.ts";
import type { ApiServices } from "./api-services.ts";
import { BankOperationEventSchema } from "./bank-operation-event-schema.ts";
import { BillEventSchema } from "./bill-event-schema.ts";
import { BillPaymentEventSchema } from "./bill-payment-event-schema.ts";
import { closeConnectionOnUnreadBody, refuseDeclaredOversizedBody } from "./body-limit.ts";
import { ChannelEventSchema } from "./channel-event-schema.ts";
import { answerClientError } from "./client-error-answer.ts";
import { consolePath, consoleRoutes } from "./console-route.ts";
import { nodeHttpOptions, requireHostHeader } from "./host-header.ts";
import { registerJsonBodyParser } from "./json-body.ts";
import { logRedaction } from "./log-redaction.ts";
import { refuseNulCharactersInAddress } from "./nul-characters.ts";
import { docsPath, openapiOptions } from "./openapi-document.ts";
import { operatorAuth } from "./operator-auth.ts";
import { assertRouteInMatrix } from "./operator-route-roles.ts";
import { participantApi } from "./participant/participant-api.ts";
import { ProblemSchema, problemErrorHandler, routeNotFoundHandler } from "./problem.ts";
import {
  addBankEndpointRoute,
  addBillerEndpointRoute,
  addIssuerEndpointRoute,
} from "./routes/add-bank-endpoint-route.ts";
import { addCurrencyRoute } from "./routes/add-currency-route.ts";
import { addParticipantKeyRoute } from "./routes/add-participant-key-route.ts";
import { approvalRoutes } from "./routes/approval-routes.ts";
import { bankEndpointHealthRoute } from "./routes/bank-endpoint-health-route.ts";
import { bankInterfaceRoute } from "./routes/bank-interface-route.ts";
import { barcodeLimitRoutes } from "./routes/barcode-limit-routes.ts";
import { barcodePaymentOversightRoutes } from "./routes/barcode-payment-oversight-routes.ts";
import { billerInterfaceRoute } from "./routes/biller-interface-route.ts";
import { billerProfileRoutes } from "./routes/biller-profile-routes.ts";
import { billerProtectionRoute } from "./routes/biller-protection-route.ts";
import { changeEndpointMigrationRoutes } from "./routes/change-endpoint-migration-routes.ts";
import { changeParticipantStatusRoute } from "./routes/change-participant-status-route.ts";
import { channelSuspensionRoutes } from "./routes/channel-suspension-routes.ts";
import { codePrefixRoutes } from "./routes/code-prefix-routes.ts";
import { codesPageRoute } from "./routes/codes-page-route.ts";
import { createEndpointMigrationRoute } from "./routes/create-endpoint-migration-route.ts";
import { createParticipantRoute } from "./routes/create-participant-route.ts";
import { failedBillPostingsRoute } from "./routes/failed-bill-postings-route.ts";
import { feeScheduleRoutes } from "./routes/fee-schedule-routes.ts";
import { getEndpointMigrationRoute } from "./routes/get-endpoint-migration-route.ts";
import { getParticipantRoute } from "./routes/get-participant-route.ts";
import { getTransferRoute } from "./routes/get-transfer-route.ts";
import { healthRoute } from "./routes/health-route.ts";
import { hubKeysRoute } from "./routes/hub-keys-route.ts";
import { inquireBankOperationRoute } from "./routes/inquire-bank-operation-route.ts";
import { listAuditLogRoute } from "./routes/list-audit-log-route.ts";
import {
  listBankEndpointsRoute,
  listBillerEndpointsRoute,
  listIssuerEndpointsRoute,
} from "./routes/list-bank-endpoints-route.ts";
import { listBankOperationsRoute } from "./routes/list-bank-operations-route.ts";
import { listEndpointMigrationsRoute } from "./routes/list-endpoint-migrations-route.ts";
import { listParticipantKeysRoute } from "./routes/list-participant-keys-route.ts";
import { listParticipantsRoute } from "./routes/list-participants-route.ts";
import { listPinnedAgreementsRoute } from "./routes/list-pinned-agreements-route.ts";
import { listWebhookDeliveriesRoute } from "./routes/list-webhook-deliveries-route.ts";
import { merchantOversightRoute } from "./routes/merchant-oversight-route.ts";
import { metricsRoute } from "./routes/metrics-route.ts";
import { moveFundsRoute } from "./routes/move-funds-route.ts";
import { networkOverviewRoute } from "./routes/network-overview-route.ts";
import { openapiRoute } from "./routes/openapi-route.ts";
import { operatorAccountRoutes } from "./routes/operator-account-routes.ts";
import { readyRoute } from "./routes/ready-route.ts";
import { operatorReconciliationRoutes } from "./routes/reconciliation-routes.ts";
import { redeliverWebhookRoute } from "./routes/redeliver-webhook-route.ts";
import { reserveCapRoutes } from "./routes/reserve-cap-routes.ts";
import { resultCodesRoute } from "./routes/result-codes-route.ts";
import { retireBankEndpointRoute } from "./routes/retire-bank-endpoint-route.ts";
import { revokeParticipantKeyRoute } from "./routes/revoke-participant-key-route.ts";
import { rotateParticipantKeyRoute } from "./routes/rotate-participant-key-route.ts";
import type { RouteOptions } from "./routes/route-options.ts";
import { searchTransfersRoute } from "./routes/search-transfers-route.ts";
import { sessionRoutes } from "./routes/session-routes.ts";
import { setNetDebitCapRoute } from "./routes/set-net-debit-cap-route.ts";
import { setPrimaryEndpointRoute } from "./routes/set-primary-endpoint-route.ts";
import { settlementWindowRoutes } from "./routes/settlement-window-routes.ts";
import { stuckOperationsRoute } from "./routes/stuck-operations-route.ts";
import { submitTransfersRoute } from "./routes/submit-transfers-route.ts";
import { traceRoute } from "./routes/trace-route.ts";
import { updateBankEndpointRoute } from "./routes/update-bank-endpoint-route.ts";
import { verifyAuditLogRoute } from "./routes/verify-audit-log-route.ts";
import { walletInterfaceRoute } from "./routes/wallet-interface-route.ts";
import { TransferEventSchema } from "./transfer-event-schema.ts";
import { validatorCompiler } from "./validator-compiler.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Who sent the request; "anonymous" until authentication says otherwise. */
    caller: RequestCaller;
  }
}

export type ApiServer = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** pino's options, plus where the lines go (standard output unless given). */
export type ServerLoggerOptions = LoggerOptions & {
  readonly stream?: { write(line: string): void };
};

export interface ServerOptions {
  /** false (the default) logs nothing; true logs at info; an object configures pino. */
  readonly logger?: boolean | ServerLoggerOptions | undefined;
  /** How far a signature's created time may be from the hub's clock; 5 minutes by default. */
  readonly signatureSkewMs?: number | undefined;
  /**
   * Fastify's trustProxy: set it when a TLS-terminating proxy forwards to the hub, so that
   * X-Forwarded-Proto says the request came over HTTPS and the session cookie is marked Secure.
   */
  readonly trustProxy?: boolean | string | undefined;
}

/** The largest bulk request (1000 transfers) is far below this; anything larger is a mistake. */
export const requestBodyBytesMax = 1024 * 1024;
/** A request the hub has not answered by then is abandoned rather than holding a socket. */
const requestTimeoutMs = 30_000;
const requestIdHeader = "x-request-id";

const operatorRoutes: readonly FastifyPluginAsyncTypebox<RouteOptions>[] = [
  sessionRoutes,
  operatorAccountRoutes,
  approvalRoutes,
  createParticipantRoute,
  listParticipantsRoute,
  getParticipantRoute,
  changeParticipantStatusRoute,
  addCurrencyRoute,
  setNetDebitCapRoute,
  reserveCapRoutes,
  moveFundsRoute,
  addParticipantKeyRoute,
  listParticipantKeysRoute,
  rotateParticipantKeyRoute,
  revokeParticipantKeyRoute,
  submitTransfersRoute,
  getTransferRoute,
  resultCodesRoute,
  listWebhookDeliveriesRoute,
  redeliverWebhookRoute,
  listAuditLogRoute,
  verifyAuditLogRoute,
  addBankEndpointRoute,
  listBankEndpointsRoute,
  updateBankEndpointRoute,
  retireBankEndpointRoute,
  setPrimaryEndpointRoute,
  bankEndpointHealthRoute,
  createEndpointMigrationRoute,
  listEndpointMigrationsRoute,
  listPinnedAgreementsRoute,
  getEndpointMigrationRoute,
  changeEndpointMigrationRoutes,
  networkOverviewRoute,
  searchTransfersRoute,
  listBankOperationsRoute,
  stuckOperationsRoute,
  failedBillPostingsRoute,
  inquireBankOperationRoute,
  traceRoute,
  billerProfileRoutes,
  channelSuspensionRoutes,
  feeScheduleRoutes,
  barcodeLimitRoutes,
  merchantOversightRoute,
  codePrefixRoutes,
  barcodePaymentOversightRoutes,
  addBillerEndpointRoute,
  listBillerEndpointsRoute,
  addIssuerEndpointRoute,
  listIssuerEndpointsRoute,
  billerProtectionRoute,
  settlementWindowRoutes,
  operatorReconciliationRoutes,
];

function loggerOptions(logger: ServerOptions["logger"]): ServerLoggerOptions | false {
  if (logger === undefined || logger === false) return false;
  // Credentials and sensitive numbers stay out of the log whatever the serializers log.
  const redact = logRedaction();
  return logger === true ? { level: "info", redact } : { redact, ...logger };
}

/**
 * Everything under /operator/v1 is the operator's: the authorisation hook runs before any body is
 * read, and every route must be in the role matrix or the server does not start.
 */
function operatorApi(hub: ApiServices): FastifyPluginAsyncTypebox {
  return async (v1) => {
    v1.addHook("onRoute", (route) => assertRouteInMatrix(route.method, route.url));
    v1.addHook(
      "onRequest",
      operatorAuth({ tokens: hub.operatorTokens, sessions: hub.operatorSessions }),
    );
    // Runs only when the check let the request through: a refusal ends the hook chain.
    v1.addHook("onRequest", async (request) => {
      request.caller = "operator";
    });
    for (const route of operatorRoutes) await v1.register(route, { hub });
  };
}

export async function buildServer(
  hub: ApiServices,
  options: ServerOptions = {},
): Promise<ApiServer> {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    genReqId: () => randomUUID(),
    bodyLimit: requestBodyBytesMax,
    requestTimeout: requestTimeoutMs,
    // A path that is not percent-encoded UTF-8, or a parameter beyond the router's length, is
    // refused by the router before any route or error handler runs: answered here as a problem.
    frameworkErrors: problemErrorHandler,
    clientErrorHandler: answerClientError,
    http: nodeHttpOptions,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // TypeBox's compiler never coerces a body (an amount sent as a JSON number stays an error)
  // and rejects unknown properties instead of silently dropping them, as Fastify's Ajv would.
  registerStringFormats();
  // The biller interface's messages arrive as bodies: its `date` format is checked too.
  registerStringFormats();
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(problemErrorHandler);
  registerJsonBodyParser(app);
  app.setNotFoundHandler(routeNotFoundHandler);
  app.decorateRequest("caller", "anonymous");
  app.decorateRequest("operator", undefined);
  app.decorateRequest("participant", undefined);
  app.decorateRequest("rawBody", undefined);
  app.addHook("onRequest", async (request, reply) => {
    reply.header(requestIdHeader, request.id);
  });
  app.addHook("onRequest", requireHostHeader);
  app.addHook("onRequest", refuseDeclaredOversizedBody(requestBodyBytesMax));
  app.addHook("onSend", closeConnectionOnUnreadBody);
  app.addHook("preValidation", refuseNulCharactersInAddress);
  // Counted by route template, never by raw URL, so ids in paths cannot multiply the series.
  app.addHook("onResponse", async (request, reply) => {
    hub.metrics.recordRequest({
      route: request.is404 ? undefined : request.routeOptions.url,
      method: request.method,
      statusCode: reply.statusCode,
      caller: request.caller,
      durationSeconds: reply.elapsedTime / 1000,
    });
  });
  app.addSchema(ProblemSchema);
  // Referenced by the document's webhooks only: shared so that it lands in its components.
  app.addSchema(TransferEventSchema);
  app.addSchema(AgreementEventSchema);
  app.addSchema(BankOperationEventSchema);
  app.addSchema(ChannelEventSchema);
  app.addSchema(BillEventSchema);
  app.addSchema(BillPaymentEventSchema);
  await app.register(swagger, openapiOptions());
  await app.register(swaggerUi, { routePrefix: docsPath });
  await app.register(healthRoute);
  await app.register(readyRoute, { hub });
  await app.register(openapiRoute);
  await app.register(codesPageRoute);
  await app.register(bankInterfaceRoute);
  await app.register(billerInterfaceRoute);
  await app.register(walletInterfaceRoute);
  await app.register(metricsRoute, { hub });
  await app.register(hubKeysRoute, { hub });
  await app.register(consoleRoutes, { prefix: consolePath });
  await app.register(operatorApi(hub), { prefix: "/operator/v1" });
  await app.register(participantApi(hub, { createdSkewMsMax: options.signatureSkewMs }), {
    prefix: "/v1",
  });
  await app.ready();
  return app;
}
