import type { BillNotice, ReversalNotice } from "@clearhub/wire";
import type { FaultOptions } from "../shared/fault-plan.ts";
import type { NoticeView } from "../shared/notice-sender.ts";
import type { SimulatorStats } from "../shared/simulator-stats.ts";
import type { BillSeed, BillState, CustomerSeed } from "./biller-customer.ts";
import type { CapacityOptions } from "./capacity-gate.ts";
import type { LoadView } from "./load-meter.ts";
import type { PostingView } from "./posting-desk.ts";
import type { ReversalReason } from "./simulated-biller.ts";

/** A customer as the biller's books show it. */
export interface CustomerView {
  readonly parameters: Readonly<Record<string, string>>;
  readonly name: string;
  readonly currency: string;
  readonly status: "active" | "inactive";
  readonly bills: readonly (BillSeed & { readonly state: BillState; readonly paidBy?: string })[];
}

/** What a test, the demo, a benchmark or an operator may read and change in a running biller. */
export interface BillerSimulatorAdmin {
  customers(): CustomerView[];
  addCustomer(seed: CustomerSeed): CustomerView;
  /** Issues or changes a bill and pushes it to the hub; throws for an unknown customer. */
  pushBill(parameters: Readonly<Record<string, string>>, bill: BillSeed): BillNotice;
  /** Reverses an accepted posting and tells the hub. */
  reversePosting(
    postingId: string,
    reasonCode?: ReversalReason,
    reasonText?: string,
  ): { ok: true; notice: ReversalNotice } | { ok: false; reason: string };
  posting(postingId: string): PostingView | undefined;
  postings(): PostingView[];
  /** The notices sent to the hub and whether they were delivered. */
  notices(): NoticeView[];
  /** The load the biller measured: per second, the peaks, what is in flight. */
  load(): LoadView;
  /** Starts a new measurement of the load. */
  resetLoad(): void;
  capacity(): CapacityOptions;
  setCapacity(changes: Partial<CapacityOptions>): CapacityOptions;
  faults(): FaultOptions;
  setFaults(changes: Partial<FaultOptions>): FaultOptions;
  stats(): SimulatorStats;
}
