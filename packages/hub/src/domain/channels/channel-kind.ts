import type { ParticipantKind } from "../participant/participant.ts";

/**
 * Participants that sell bill payment to their users: payment institutions, and banks acting as
 * channels. Billers and the operator are never suspended as channels.
 */
const channelKinds: ReadonlySet<ParticipantKind> = new Set(["payment_institution", "bank"]);

export function isChannelKind(kind: ParticipantKind): boolean {
  return channelKinds.has(kind);
}
