/**
 * The matcher of `clearhub bench recon`, run as a child process: opens the hub on the store the
 * parent seeded, matches the participant's file, and answers how long it took and the most
 * memory its process held meanwhile.
 */
import { createReadStream } from "node:fs";
import { openHub } from "../hub.ts";
import { serveParent } from "./bench-child.ts";
import type { ReconChildMessage, ReconParentMessage } from "./bench-recon-protocol.ts";
import { round } from "./bench-store.ts";

const rssSampleMs = 20;

function send(message: ReconChildMessage): void {
  process.send?.(message);
}

/** Runs `work` while sampling this process's resident memory: its value and the peak, in MB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, rssSampleMs);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakRssMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

async function handle(message: ReconParentMessage): Promise<void> {
  if (message.type === "exit") {
    process.disconnect();
    return;
  }
  const { order } = message;
  const hub = await openHub({
    ...order.store,
    expirePendings: false,
    dispatchWebhooks: false,
    inquireBankOperations: false,
    reconciliationDay: order.reconciliationDay,
  });
  try {
    const started = performance.now();
    const { value: matched, peakRssMb } = await withPeakRss(() =>
      hub.reconciliation.match(
        order.participantId,
        order.day,
        createReadStream(order.file),
        "bench",
      ),
    );
    const seconds = round((performance.now() - started) / 1000);
    send({ type: "matched", seconds, peakRssMb, ...(matched.ok ? {} : { refusal: matched.code }) });
  } finally {
    await hub.close();
  }
}

serveParent("the reconciliation matcher", handle);
