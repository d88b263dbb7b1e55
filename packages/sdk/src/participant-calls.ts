import { randomUUID } from "node:crypto";
import type {
  Account,
  BulkTransferResult,
  NewWebhookEndpoint,
  Transfer,
  TransferPage,
  TransferQuery,
  TransferRequest,
  WebhookEndpoint,
} from "./api-types.ts";
import { everyItem } from "./page-walk.ts";
import { ClearhubProblemError } from "./problem-error.ts";
import { type CallOptions, isReplayed, SignedApiClient } from "./signed-api-client.ts";
import { newExchangeRecord } from "./signed-transport.ts";

export interface TransferResult {
  readonly transfer: Transfer;
  /** The hub answered from an earlier request with the same id (`idempotent-replayed`). */
  readonly replayed: boolean;
}
export interface WebhookEndpointResult {
  readonly endpoint: WebhookEndpoint;
  /** The same registration was already stored (`idempotent-replayed`). */
  readonly replayed: boolean;
}

/** The calls of the clearing network: the participant's accounts, transfers, webhook endpoints. */
export class ParticipantCalls extends SignedApiClient {
  /** A signed request that does nothing: proves the key, the clock and the connection. */
  async ping(options: CallOptions = {}): Promise<void> {
    await this.call((fetch) =>
      this.api.POST("/v1/ping", { body: undefined, fetch, signal: options.signal }),
    );
  }

  /** The participant's own accounts and balances. */
  async accounts(options: CallOptions = {}): Promise<Account[]> {
    const { body } = await this.call((fetch) =>
      this.api.GET("/v1/accounts", { fetch, signal: options.signal }),
    );
    return body.accounts;
  }

  /**
   * Pays another participant, or with `reserveForMs` reserves the amount. The id is set to a
   * fresh UUID unless given; keep it to ask about the transfer or to send it again safely.
   */
  async createTransfer(
    transfer: TransferRequest,
    options: CallOptions = {},
  ): Promise<TransferResult> {
    const body = { ...transfer, id: transfer.id ?? randomUUID() };
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/transfers", { body, fetch, signal: options.signal }),
    );
    return { transfer: answer.body, replayed: isReplayed(answer.response) };
  }

  /**
   * Up to the hub's bulk limit of transfers in one request, each with an id set as in
   * createTransfer. Each is applied on its own: the results say, in order, what each would
   * have answered alone; one refused transfer does not stop the others or throw.
   */
  async createTransfers(
    transfers: readonly TransferRequest[],
    options: CallOptions = {},
  ): Promise<BulkTransferResult[]> {
    const body = { transfers: transfers.map((item) => ({ ...item, id: item.id ?? randomUUID() })) };
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/transfers/bulk", { body, fetch, signal: options.signal }),
    );
    return answer.body.results;
  }

  async getTransfer(transferId: string, options: CallOptions = {}): Promise<Transfer> {
    const path = { transferId };
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/transfers/{transferId}", {
        params: { path },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /** One page of the transfers the participant is party to, newest first. */
  async listTransfers(query: TransferQuery = {}, options: CallOptions = {}): Promise<TransferPage> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/transfers", { params: { query }, fetch, signal: options.signal }),
    );
    return answer.body;
  }

  /** Every transfer matching `query`, newest first, fetching page after page as it is read. */
  async *allTransfers(
    query: Omit<TransferQuery, "cursor"> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Transfer, void, undefined> {
    yield* everyItem(
      query,
      (pageQuery) => this.listTransfers(pageQuery, options),
      (page) => page.transfers,
    );
  }

  /** Moves a reservation's amount to the payee; asking again answers the same, replayed. */
  commitTransfer(transferId: string, options: CallOptions = {}): Promise<TransferResult> {
    return this.resolve("/v1/transfers/{transferId}/commit", transferId, options);
  }

  /** Returns a reservation's amount to the payer; asking again answers the same, replayed. */
  voidTransfer(transferId: string, options: CallOptions = {}): Promise<TransferResult> {
    return this.resolve("/v1/transfers/{transferId}/void", transferId, options);
  }

  /** Has events of the given types sent to `url`; the same registration again is a replay. */
  async registerWebhookEndpoint(
    endpoint: NewWebhookEndpoint,
    options: CallOptions = {},
  ): Promise<WebhookEndpointResult> {
    const answer = await this.call((fetch) =>
      this.api.POST("/v1/webhook-endpoints", { body: endpoint, fetch, signal: options.signal }),
    );
    return { endpoint: answer.body, replayed: isReplayed(answer.response) };
  }

  async listWebhookEndpoints(options: CallOptions = {}): Promise<WebhookEndpoint[]> {
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/webhook-endpoints", { fetch, signal: options.signal }),
    );
    return answer.body.endpoints;
  }

  async getWebhookEndpoint(
    endpointId: string,
    options: CallOptions = {},
  ): Promise<WebhookEndpoint> {
    const path = { endpointId };
    const answer = await this.call((fetch) =>
      this.api.GET("/v1/webhook-endpoints/{endpointId}", {
        params: { path },
        fetch,
        signal: options.signal,
      }),
    );
    return answer.body;
  }

  /**
   * Stops sending events to an endpoint. The hub answers a second delete with 404, so when an
   * earlier attempt of this call may have deleted it before its answer was lost, a 404 on
   * the retry means the call succeeded.
   */
  async deleteWebhookEndpoint(endpointId: string, options: CallOptions = {}): Promise<void> {
    const record = newExchangeRecord();
    const path = { endpointId };
    try {
      await this.call(
        (fetch) =>
          this.api.DELETE("/v1/webhook-endpoints/{endpointId}", {
            params: { path },
            fetch,
            signal: options.signal,
          }),
        record,
      );
    } catch (error) {
      const goneAlready = error instanceof ClearhubProblemError && error.status === 404;
      if (!(goneAlready && record.earlierAttemptMayHaveApplied)) throw error;
    }
  }

  private async resolve(
    route: "/v1/transfers/{transferId}/commit" | "/v1/transfers/{transferId}/void",
    transferId: string,
    options: CallOptions,
  ): Promise<TransferResult> {
    const path = { transferId };
    const answer = await this.call((fetch) =>
      this.api.POST(route, { params: { path }, fetch, signal: options.signal }),
    );
    return { transfer: answer.body, replayed: isReplayed(answer.response) };
  }
}
