import type { Sleeper } from "../shared/signed-interface-routes.ts";
import {
  checkedCommonOptions,
  type ListeningSimulator,
  listenSimulator,
  type SimulatorCommonOptions,
  simulatorParts,
} from "../shared/simulator-start.ts";
import { billerAdminRoutes } from "./biller-admin-routes.ts";
import type { Customer, CustomerSeed } from "./biller-customer.ts";
import { billerInterfaceRoutes } from "./biller-interface-routes.ts";
import type { BillerSimulatorAdmin, CustomerView } from "./biller-simulator-admin.ts";
import {
  CapacityGate,
  type CapacityOptions,
  capacityOptionsDefaults,
  capacityOptionsProblem,
} from "./capacity-gate.ts";
import { LoadMeter } from "./load-meter.ts";
import { SimulatedBiller } from "./simulated-biller.ts";

export interface BillerSimulatorOptions extends SimulatorCommonOptions {
  /** The biller's participant id at the hub; names its generated key. */
  readonly billerId?: string | undefined;
  /** The names of the parameters that identify a customer; by default accountNumber alone. */
  readonly parameterNames?: readonly string[] | undefined;
  readonly customers?: readonly CustomerSeed[] | undefined;
  readonly capacity?: Partial<CapacityOptions> | undefined;
  /** How the biller takes its time (slowing down, latency, late answers); real timers by default. */
  readonly sleeper?: Sleeper | undefined;
}

export interface BillerSimulator extends BillerSimulatorAdmin, ListeningSimulator {
  readonly billerId: string;
  /** The endpoint URL the hub operator registers for the biller. */
  readonly url: string;
}

function customerView(customer: Customer): CustomerView {
  return {
    parameters: customer.parameters,
    name: customer.name,
    currency: customer.currency,
    status: customer.status,
    bills: [...customer.bills.values()].map((record) => ({
      ...record.bill,
      state: record.state,
      ...(record.paidBy === undefined ? {} : { paidBy: record.paidBy }),
    })),
  };
}

function checkedCapacity(options: BillerSimulatorOptions): CapacityOptions {
  const capacity = { ...capacityOptionsDefaults, ...options.capacity };
  const problem = capacityOptionsProblem(capacity);
  if (problem !== undefined) throw new Error(`capacity options: ${problem}`);
  return capacity;
}

/**
 * Starts a biller that implements the hub's biller interface over real HTTP, with customers
 * and bills, idempotent postings, pending outcomes, pushed bills and reversals, the hard
 * capacity of an old billing system and its own count of the load put on it, and the faults
 * the options ask for. Resolves once it listens.
 */
export async function startBillerSimulator(
  options: BillerSimulatorOptions = {},
): Promise<BillerSimulator> {
  const billerId = options.billerId ?? "biller-sim";
  const checked = checkedCommonOptions(options);
  const capacityOptions = checkedCapacity(options);
  const parts = simulatorParts(options, checked, `${billerId}.simulator`);
  const { faults, notices, stats } = parts;
  const meter = new LoadMeter(parts.clock);
  const capacity = new CapacityGate(capacityOptions, meter);
  const biller = new SimulatedBiller({
    parameterNames: options.parameterNames ?? ["accountNumber"],
    random: parts.random,
    clock: parts.clock,
    faults,
    notices,
  });
  for (const seed of options.customers ?? []) biller.addCustomer(seed);

  const admin: BillerSimulatorAdmin = {
    customers: () => [...biller.customers.values()].map(customerView),
    addCustomer: (seed) => customerView(biller.addCustomer(seed)),
    pushBill: (parameters, bill) => biller.issueBill(parameters, bill),
    reversePosting: (postingId, reasonCode = "biller_decision", reasonText = "reversed") =>
      biller.reversePosting(postingId, reasonCode, reasonText),
    posting: (postingId) => biller.postings.posting(postingId),
    postings: () => biller.postings.postings(),
    notices: () => notices.notices(),
    load: () => meter.view(),
    resetLoad: () => meter.reset(),
    capacity: () => capacity.options,
    setCapacity: (changes) => {
      capacity.update(changes);
      return capacity.options;
    },
    faults: () => faults.options,
    setFaults: (changes) => {
      faults.update(changes);
      return faults.options;
    },
    stats: () => ({ ...stats }),
  };

  const listening = await listenSimulator(parts, options, async (app) => {
    await app.register(
      billerInterfaceRoutes({
        biller,
        capacity,
        auth: parts.auth,
        signer: parts.signer,
        faults,
        stats,
        closing: parts.closing.signal,
        sleeper: options.sleeper,
      }),
    );
    await app.register(billerAdminRoutes(admin));
  });
  return { ...admin, ...listening, billerId, url: listening.origin };
}
