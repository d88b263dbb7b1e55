import type { Database } from "../adapters/store/database.ts";
import { KyselyChannelSuspensionStore } from "../adapters/store/kysely-channel-suspension-store.ts";
import { ChannelSuspensionService } from "../app/channels/channel-suspension-service.ts";
import type { SignerCache } from "../app/participants/signer-cache.ts";
import type { HubConfig } from "./hub-config.ts";

export interface ChannelParts {
  /** Channels' suspended capabilities and terminations; what the channel API asks first. */
  readonly channelSuspensions: ChannelSuspensionService;
}

/**
 * Channels: the payment institutions and banks that sell bill payment. A termination makes the
 * signer cache forget what it holds, so the terminated channel's keys stop working at once.
 */
export function composeChannels(
  config: HubConfig,
  database: Database,
  signers: Pick<SignerCache, "forgetAll">,
): ChannelParts {
  return {
    channelSuspensions: new ChannelSuspensionService(
      new KyselyChannelSuspensionStore(database.kysely),
      config.operatorClock ?? Date.now,
      undefined,
      () => signers.forgetAll(),
    ),
  };
}
