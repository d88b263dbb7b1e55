/**
 * The wire contracts clearhub publishes for the systems it calls: what goes over HTTP between
 * the hub and a participant's bank, biller or wallet endpoint. The hub's adapters and HTTP layer
 * and the simulators import them from here, so neither side reaches into the other.
 */

export {
  describeTransportError,
  type NotSentCause,
  notSentCause,
  transportErrorCodes,
} from "./delivery/request-delivery.ts";
