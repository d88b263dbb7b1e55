import { type BillerSimulator, demoBillers, startBillerSimulator } from "@clearhub/simulators";
import { hubActor } from "../domain/audit/audit-actor.ts";
import type { Hub } from "../hub.ts";
import { demoKey } from "./demo-banks.ts";

/** The endpoint id each demo biller's system is registered under. */
const demoBillerEndpointId = "main";

export interface DemoBillerSystems {
  readonly billers: readonly BillerSimulator[];
  /** What the demo prints at startup. */
  readonly lines: readonly string[];
  close(): Promise<void>;
}

/**
 * Registers the endpoint on the first start; later starts only point it at where the simulator
 * listens now, as the demo banks' endpoints are.
 */
async function registerEndpoint(hub: Hub, billerId: string, url: string): Promise<void> {
  const listed = await hub.billerEndpoints.list(billerId);
  if (!listed.ok) throw new Error(`demo endpoints of ${billerId}: ${listed.code}`);
  const existing = listed.value.endpoints.find((endpoint) => endpoint.id === demoBillerEndpointId);
  if (existing?.url === url) return;
  const outcome =
    existing === undefined
      ? await hub.billerEndpoints.add(billerId, { id: demoBillerEndpointId, url }, hubActor)
      : await hub.billerEndpoints.update(billerId, demoBillerEndpointId, { url }, hubActor);
  if (!outcome.ok) throw new Error(`demo endpoint ${billerId}: ${outcome.code}`);
}

/**
 * Starts a biller simulator for each demo biller, in this process on free local ports, each
 * with its demo customers, held to the rate it declares, signing with a key kept in the data
 * directory and registered as the biller's participant key; and registers its endpoint. Run
 * after the demo billers' profiles are seeded.
 */
export async function startDemoBillerSystems(
  hub: Hub,
  hubUrl: string,
  dataDir: string,
): Promise<DemoBillerSystems> {
  const billers: BillerSimulator[] = [];
  try {
    for (const demo of demoBillers) {
      const key = await demoKey(hub, dataDir, demo.billerId);
      const simulator = await startBillerSimulator({
        billerId: demo.billerId,
        hubUrl,
        signingKey: { keyId: key.keyId, privateKey: key.privateKey },
        parameterNames: demo.parameterNames,
        customers: demo.customers,
        capacity: {
          declaredPerSecond: demo.declaredPerSecond,
          failingPerSecond: demo.declaredPerSecond * 2,
        },
      });
      billers.push(simulator);
      await registerEndpoint(hub, demo.billerId, simulator.url);
    }
    return { billers, lines: demoLines(billers), close: () => closeAll(billers) };
  } catch (error) {
    await closeAll(billers);
    throw error;
  }
}

async function closeAll(billers: readonly BillerSimulator[]): Promise<void> {
  await Promise.all(billers.map((biller) => biller.close()));
}

function demoLines(billers: readonly BillerSimulator[]): string[] {
  const lines = ["demo billers (simulated, in this process; their books start afresh each run):"];
  for (const biller of billers) {
    lines.push(`  ${biller.billerId.padEnd(15)} ${biller.url}  load ${biller.origin}/admin/load`);
  }
  lines.push("demo bill customers (customer parameters):");
  for (const demo of demoBillers) {
    for (const customer of demo.customers) {
      const parameters = Object.entries(customer.parameters)
        .map(([name, value]) => `${name}=${value}`)
        .join(" ");
      lines.push(`  ${demo.billerId.padEnd(15)} ${customer.name.padEnd(10)} ${parameters}`);
    }
  }
  return lines;
}
