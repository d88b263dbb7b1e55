import type { AgreementPlacement, PinnedAgreements } from "../ports/agreement-placement.ts";
import type { ParticipantStore } from "../ports/participant-store.ts";

export type PlacementOutcome =
  | { readonly ok: true; readonly value: PinnedAgreements[] }
  | { readonly ok: false; readonly code: "participant_not_found" | "participant_not_bank" };

/** What each of a bank's endpoints still holds pinned, for the operator watching a cut-over. */
export class AgreementPlacementService {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly placement: AgreementPlacement,
  ) {}

  async pinnedByEndpoint(bankId: string): Promise<PlacementOutcome> {
    const bank = await this.participants.findParticipant(bankId);
    if (bank === undefined) return { ok: false, code: "participant_not_found" };
    if (bank.kind !== "bank") return { ok: false, code: "participant_not_bank" };
    return { ok: true, value: await this.placement.countPinned(bankId) };
  }
}
