import type {
  TransferRecord,
  TransferSearchCursor,
  TransferSearchFilter,
  TransferSearchStore,
} from "../ports/transfer-search-store.ts";

/** Types and limits of what this use-case answers, for the HTTP layer that shows them. */
export type {
  TransferRecord,
  TransferSearchCursor,
  TransferSearchFilter,
} from "../ports/transfer-search-store.ts";

export const transferSearchPageSizeMax = 500;

export type TransferSearchOutcome =
  | { readonly ok: true; readonly items: TransferRecord[] }
  | { readonly ok: false; readonly code: "filter_incomplete"; readonly detail: string };

/** The operator's search over every transfer in the ledger, newest first. */
export class TransferSearchService {
  constructor(private readonly store: TransferSearchStore) {}

  /**
   * A counterparty is "the other side" only of a named participant, and amounts compare only in
   * one currency: without those the filter has no meaning, so it is refused rather than guessed.
   */
  async search(
    filter: TransferSearchFilter,
    limit: number,
    after?: TransferSearchCursor,
  ): Promise<TransferSearchOutcome> {
    if (filter.counterpartyId !== undefined && filter.participantId === undefined) {
      return { ok: false, code: "filter_incomplete", detail: "counterparty needs participant" };
    }
    const amounts = filter.amountMin !== undefined || filter.amountMax !== undefined;
    if (amounts && filter.currency === undefined) {
      return {
        ok: false,
        code: "filter_incomplete",
        detail: "amountMin and amountMax need currency",
      };
    }
    const bounded = Math.min(Math.max(limit, 1), transferSearchPageSizeMax);
    return { ok: true, items: await this.store.search(filter, bounded, after) };
  }

  find(id: string): Promise<TransferRecord | undefined> {
    return this.store.find(id);
  }
}
