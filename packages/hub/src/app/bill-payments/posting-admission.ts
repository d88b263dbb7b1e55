import type { BillPayment } from "../../domain/bill-payments/bill-payment.ts";
import type { BillerCapacity as AdmissionCapacity } from "../../domain/billers/biller-capacity.ts";
import type { BillerCapacity } from "../../domain/billers/biller-profile.ts";
import type { CallableEndpoint } from "../../domain/calls/callable-endpoint.ts";
import type { BillerAdmissionGate } from "../billers/biller-admission-gate.ts";
import type { BillerRegistry } from "../billers/biller-registry.ts";
import type { CallAdmission } from "../calls/operation-runner.ts";

/**
 * A posting's admission at its biller: the gate's `posting` class, within the biller's declared
 * posting capacity and its reserved share, counted across every hub node. A shed posting is not
 * sent and waits for its next take-up; it never fails for it. Channels share postings capacity
 * with equal weight until channels carry weights of their own.
 */
export function postingAdmission(
  gate: Pick<BillerAdmissionGate<unknown>, "admit">,
  billers: BillerRegistry,
): (payment: BillPayment, endpoint: CallableEndpoint) => Promise<CallAdmission> {
  return async (payment, endpoint) => {
    const found = await billers.find(payment.billerId);
    if (!found.ok) return { admitted: false, detail: `biller profile: ${found.code}` };
    const result = await gate.admit({
      billerId: payment.billerId,
      capacity: admissionCapacity(found.value.profile.capacity),
      channel: { channelId: payment.channelId },
      trafficClass: "posting",
      callTimeoutMs: endpoint.timeoutMs,
    });
    if (result.outcome === "shed") {
      return {
        admitted: false,
        detail: `shed: ${result.reason}, retry after ${result.retryAfterMs} ms`,
      };
    }
    const { ticket } = result;
    return { admitted: true, release: () => ticket.release() };
  };
}

/** The registry's declaration in the gate's terms: the posting reserve in whole percent. */
function admissionCapacity(declared: BillerCapacity): AdmissionCapacity {
  return {
    inquiriesPerSecond: declared.inquiriesPerSecond,
    postingsPerSecond: declared.postingsPerSecond,
    concurrentCallsMax: declared.concurrentCallsMax,
    postingReservedPercent: Math.floor(declared.postingReserveBasisPoints / 100),
  };
}
