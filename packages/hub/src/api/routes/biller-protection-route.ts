import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { shedReasons } from "../../app/billers/admission-counters.ts";
import type { BillerCapacityView } from "../../app/billers/biller-admission-gate.ts";
import { trafficClasses } from "../../domain/billers/admission-rule.ts";
import { EndpointHealthViewSchema, endpointHealthView } from "../bank-endpoint-view.ts";
import { literalUnion } from "../literal-union.ts";
import { operatorProblems } from "./operator-problems.ts";
import type { RouteOptions } from "./route-options.ts";

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const TrafficClassField = literalUnion(trafficClasses);

const ChannelTrafficSchema = Type.Object(
  {
    billerId: Type.String(),
    channelId: Type.String(),
    trafficClass: TrafficClassField,
    requests: Count("Requests that reached the gate"),
    cacheHits: Count(
      "Scheduled inquiries answered from a fresh cached copy: the biller was not asked",
    ),
    queued: Count("Requests that waited for capacity"),
    admitted: Count("Requests let through to the biller"),
    shed: Count("Requests turned away with 429 and Retry-After"),
    shedBy: Type.Object(
      Object.fromEntries(shedReasons.map((reason) => [reason, Count(`Shed for ${reason}`)])),
      { description: "The shed requests by reason" },
    ),
  },
  { title: "BillerChannelTraffic" },
);

const BillerCapacityUseSchema = Type.Object(
  {
    billerId: Type.String(),
    declared: Type.Object(
      {
        inquiriesPerSecond: Count("The biller's declared inquiry rate"),
        scheduledPerSecondMax: Count("The most of it scheduled inquiries may take"),
        postingsPerSecond: Count("The biller's declared posting rate"),
        callsInFlightMax: Count("Calls the biller takes at once"),
        postingSlotsReserved: Count("Of them, held for postings alone"),
      },
      { description: "The capacity the biller declared, as the gate divides it" },
    ),
    used: Type.Object(
      {
        windowStart: Type.String({
          format: "date-time",
          description: "The current one-second window",
        }),
        inquiries: Count("Inquiries admitted in the window, scheduled included"),
        scheduled: Count("Scheduled inquiries admitted in the window"),
        postings: Count("Postings admitted in the window"),
        callsInFlight: Type.Object(
          Object.fromEntries(
            trafficClasses.map((name) => [name, Count(`${name} calls under way`)]),
          ),
        ),
      },
      { description: "Its use now, counted across every hub node" },
    ),
    endpoints: Type.Array(EndpointHealthViewSchema, {
      description:
        "Its endpoints with their circuit breakers and load, as this hub node's guard sees them",
    }),
  },
  { title: "BillerCapacityUse" },
);

/** The biller's capacity, declared and in use, as the route names it. */
function capacityView({ split, usage }: BillerCapacityView) {
  return {
    declared: {
      inquiriesPerSecond: split.inquiriesPerWindow,
      scheduledPerSecondMax: split.scheduledPerWindowMax,
      postingsPerSecond: split.postingsPerWindow,
      callsInFlightMax: split.slotsMax,
      postingSlotsReserved: split.postingSlotsReserved,
    },
    used: {
      windowStart: new Date(usage.windowStartMs).toISOString(),
      inquiries: usage.inquiriesAdmitted,
      scheduled: usage.scheduledAdmitted,
      postings: usage.postingsAdmitted,
      callsInFlight: { ...usage.callsInFlight },
    },
  };
}

/** What biller protection is doing: per channel and biller on this node, capacity across all. */
export const billerProtectionRoute: FastifyPluginAsyncTypebox<RouteOptions> = async (
  app,
  { hub },
) => {
  app.get(
    "/biller-protection",
    {
      schema: {
        summary:
          "Biller protection: traffic per channel and biller, each biller's capacity in use and its circuit breakers",
        description:
          "`at` is when the counts were read. `channels` counts this hub node's requests since it started, per channel, biller and traffic class (requests, cache hits, queued, admitted, shed by reason); the Prometheus metrics `clearhub_biller_*` say the same for every node. `billers` shows each biller this node has called, its declared capacity and its use in the current second, counted across every hub node, and its endpoints' circuit breakers and load on this node.",
        tags: ["billers"],
        response: {
          200: Type.Object({
            at: Type.String({
              format: "date-time",
              description:
                "When the counts were read: the counts of two readings over the time between them are rates",
            }),
            channels: Type.Array(ChannelTrafficSchema),
            billers: Type.Array(BillerCapacityUseSchema),
          }),
          ...operatorProblems(),
        },
      },
    },
    async () => {
      const snapshot = await hub.billerAdmission.snapshot();
      return {
        at: new Date(snapshot.atMs).toISOString(),
        channels: snapshot.channels.map((counters) => ({
          ...counters,
          shedBy: { ...counters.shedBy },
        })),
        billers: await Promise.all(
          snapshot.billers.map(async (view) => {
            // A biller the gate saw is a registered one; were it not, it has no endpoints.
            const health = await hub.billerEndpoints.health(view.billerId);
            return {
              billerId: view.billerId,
              ...capacityView(view),
              endpoints: health.ok ? health.value.map(endpointHealthView) : [],
            };
          }),
        ),
      };
    },
  );
};
