import type { ParticipantStore } from "../ports/participant-store.ts";

/** More positions than any network holds; past it, ids are read again rather than kept. */
const positionsKeptMax = 100_000;

/**
 * The ids of participants' position accounts, read once each: an account id never changes once
 * the account is opened, so the ledger's callers need not ask the store on every payment.
 * Callers waiting for the same position share the one read; a position not found is not
 * remembered (the participant may be given the currency later), nor is a failed read.
 */
export class PositionAccounts {
  private readonly ids = new Map<string, Promise<number | undefined>>();

  constructor(private readonly participants: Pick<ParticipantStore, "findAccount">) {}

  idOf(participantId: string, currency: string): Promise<number | undefined> {
    const key = `${participantId} ${currency}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const reading = this.participants
      .findAccount(participantId, currency, "position")
      .then((account) => {
        if (account === undefined) this.ids.delete(key);
        return account?.id;
      })
      .catch((error: unknown) => {
        this.ids.delete(key);
        throw error;
      });
    if (this.ids.size < positionsKeptMax) this.ids.set(key, reading);
    return reading;
  }
}
