import type { AuditActor } from "../../domain/audit/audit-actor.ts";
import type { DeliveryStatus, OutboxDelivery } from "../../domain/notifications/outbox-delivery.ts";
import type { DeliveryBacklog, Redelivery, WebhookDeliveryStore } from "../ports/webhook-store.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export { deliveryPageSizeMax } from "../ports/webhook-store.ts";

export type WebhookDeliveryErrorCode = Extract<Redelivery, { ok: false }>["code"];

export interface DeliveryQuery {
  readonly status?: DeliveryStatus | undefined;
  readonly participantId?: string | undefined;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: number | undefined;
  readonly limit: number;
}

export interface DeliveryPage {
  readonly items: OutboxDelivery[];
  /** Null on the last page. */
  readonly nextCursor: number | null;
}

/** The operator's view of the outbox: inspect deliveries and send dead or delivered ones again. */
export class WebhookDeliveryService {
  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Newest first; the cursor is an id, so a page is stable while new deliveries arrive. */
  async list(query: DeliveryQuery): Promise<DeliveryPage> {
    const items = await this.store.listDeliveries({
      status: query.status,
      participantId: query.participantId,
      beforeId: query.cursor,
      limit: query.limit,
    });
    const last = items.at(-1);
    return {
      items,
      nextCursor: items.length === query.limit && last !== undefined ? last.id : null,
    };
  }

  /** Due at once, with a fresh count of attempts; the dispatcher's next pass sends it. */
  redeliver(id: number, actor: AuditActor): Promise<Redelivery> {
    const at = this.clock();
    return this.store.redeliver(id, at, {
      at,
      actor,
      action: "webhook_delivery.redeliver",
      subject: `webhook_delivery:${id}`,
      details: {},
    });
  }

  backlog(): Promise<DeliveryBacklog> {
    return this.store.countBacklog();
  }
}
