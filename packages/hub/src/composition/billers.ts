import type { Database } from "../adapters/store/database.ts";
import { KyselyBillerProfileStore } from "../adapters/store/kysely-biller-profile-store.ts";
import { BillerRegistry } from "../app/billers/biller-registry.ts";
import type { ParticipantStore } from "../app/ports/participant-store.ts";
import type { HubConfig } from "./hub-config.ts";

export interface BillerParts {
  /** Billers' profiles: what channels ask for, how payments are checked, declared capacity. */
  readonly billers: BillerRegistry;
}

/** The billers subsystem; profiles are stamped by the operator clock, as approvals are. */
export function composeBillers(
  config: HubConfig,
  database: Database,
  participantStore: ParticipantStore,
): BillerParts {
  return {
    billers: new BillerRegistry(
      participantStore,
      new KyselyBillerProfileStore(database.kysely, database.dialect),
      config.operatorClock,
    ),
  };
}
