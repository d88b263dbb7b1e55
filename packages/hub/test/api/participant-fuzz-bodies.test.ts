/**
 * Correctly signed requests with bodies of every kind, to every /v1 route, over real HTTP:
 * the answer is a success or a catalogued problem, never a server error, and a refused request
 * writes nothing but, once its signature verified, its own nonce.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeEachBackend } from "../support/backends.ts";
import type { HttpAnswer, HttpRequest } from "./listening-hub.ts";
import {
  type FuzzBody,
  freshIdPlaceholder,
  fuzzBody,
  fuzzRoute,
  notIJsonBody,
  routePath,
  type ValidTransferFields,
  validTransferFields,
} from "./participant-fuzz-inputs.ts";
import {
  expectReadWroteOnlyNonce,
  expectRefusalWroteNothing,
  expectWellFormedAnswer,
  type FuzzNetwork,
  fuzzParameters,
  fuzzTimeoutMs,
  prototypeKeys,
  sendAndCompare,
  signedRequest,
  transfersAdded,
  useFuzzNetwork,
} from "./participant-fuzz-network.ts";
import type { StoreChanges } from "./store-snapshot.ts";

/** Mostly none: a GET's body is never read, so its digest rarely matches what the hub sees. */
const bodyOnGet = fc.nat({ max: 4 }).map((draw) => draw === 0);

describeEachBackend("participant API fuzz: bodies", (backend) => {
  const network = useFuzzNetwork(backend);

  /** Signs the body as sent; each placeholder id becomes a fresh one, so valid transfers are new. */
  function fuzzRequest(net: FuzzNetwork, method: string, path: string, fuzzed: FuzzBody) {
    const body =
      typeof fuzzed.body === "string"
        ? fuzzed.body.replaceAll(freshIdPlaceholder, () => net.freshTransferId())
        : fuzzed.body;
    const contentType = fuzzed.contentType ?? null;
    return signedRequest(net.hub.origin, net.payer, method, path, body, { contentType });
  }

  it(
    "answers any body on any route with a success or a catalogued problem, and a refusal writes nothing",
    async () => {
      const net = network();
      const prototypeBefore = prototypeKeys();
      await fc.assert(
        fc.asyncProperty(fuzzRoute, fuzzBody, bodyOnGet, async (route, sent, withBody) => {
          const { method, path } = routePath(route, net.reservations);
          const body =
            method === "GET" && !withBody ? { contentType: undefined, body: undefined } : sent;
          const request = fuzzRequest(net, method, path, body);
          const { answer, changes, serverErrors } = await sendAndCompare(net, request);
          const problem = expectWellFormedAnswer(answer, serverErrors);
          if (problem !== undefined) expectRefusalWroteNothing(changes, problem, request);
          else expectSuccessWroteOnlyItsEffect(request, answer, changes);
          expect(prototypeKeys()).toEqual(prototypeBefore);
        }),
        fuzzParameters(200),
      );
    },
    fuzzTimeoutMs,
  );

  it(
    "refuses a body that is not I-JSON (not UTF-8, or half a character) as invalid JSON, writing nothing",
    async () => {
      const net = network();
      const route = fc.constantFrom("/v1/ping", "/v1/transfers", "/v1/transfers/bulk");
      await fc.assert(
        fc.asyncProperty(route, notIJsonBody, async (path, body) => {
          const sent = path.endsWith("/bulk")
            ? Buffer.concat([Buffer.from('{"transfers":['), Buffer.from(body), Buffer.from("]}")])
            : body;
          const request = fuzzRequest(net, "POST", path, {
            contentType: "application/json",
            body: sent,
          });
          const { answer, changes, serverErrors } = await sendAndCompare(net, request);
          const problem = expectWellFormedAnswer(answer, serverErrors);
          expect(problem?.code, answer.body).toBe("body_invalid_json");
          expect(changes).toEqual({});
        }),
        fuzzParameters(40),
      );
    },
    fuzzTimeoutMs,
  );

  it(
    "creates exactly one transfer for each valid one, alone or in bulk, among malformed requests",
    async () => {
      const net = network();
      const valid = fc.array(validTransferFields, { minLength: 1, maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(
          fuzzRoute,
          fuzzBody,
          valid,
          fc.boolean(),
          async (route, sent, fields, bulk) => {
            const { method, path } = routePath(route, net.reservations);
            const malformed = await sendAndCompare(net, fuzzRequest(net, method, path, sent));
            expectWellFormedAnswer(malformed.answer, malformed.serverErrors);
            const transfers = (bulk ? fields : fields.slice(0, 1)).map((item) => ({
              id: net.freshTransferId(),
              payee: net.payee.participantId,
              currency: "EUR",
              ...item,
            }));
            const body = JSON.stringify(bulk ? { transfers } : transfers[0]);
            const request = signedRequest(
              net.hub.origin,
              net.payer,
              "POST",
              bulk ? "/v1/transfers/bulk" : "/v1/transfers",
              body,
            );
            const { answer, changes } = await sendAndCompare(net, request);
            expect(answer.status, answer.body).toBe(bulk ? 200 : 201);
            if (bulk) {
              const { results } = JSON.parse(answer.body) as { results: { status: number }[] };
              expect(results.map((result) => result.status)).toEqual(transfers.map(() => 201));
            }
            expect(transfersAdded(changes)).toEqual(
              transfers.map((transfer) => transfer.id).sort(),
            );
            expect(changes.transfer_details?.added).toHaveLength(transfers.length);
            expect(changes.webhook_deliveries?.added).toHaveLength(transfers.length);
            expect(positionMovements(net, changes)).toEqual(expectedMovements(transfers));
          },
        ),
        fuzzParameters(40),
      );
    },
    fuzzTimeoutMs,
  );

  it("still answers a valid transfer after all of that", async () => {
    const net = network();
    const id = net.freshTransferId();
    const body = JSON.stringify({
      id,
      payee: net.payee.participantId,
      amount: "1.00",
      currency: "EUR",
    });
    const answer = await net.hub.send(
      signedRequest(net.hub.origin, net.payer, "POST", "/v1/transfers", body),
    );
    expect(answer.status, answer.body).toBe(201);
    expect((await net.hub.send({ method: "GET", path: "/health", headers: [] })).status).toBe(200);
  });
});

/** What a successful answer says was done is all that was written, besides the nonce. */
function expectSuccessWroteOnlyItsEffect(
  request: HttpRequest & { readonly nonce: string },
  answer: HttpAnswer,
  changes: StoreChanges,
): void {
  const path = request.path.split("?")[0] ?? "";
  const replayed = answer.headers["idempotent-replayed"] === "true";
  const body = answer.body === "" ? undefined : JSON.parse(answer.body);
  if (request.method === "POST" && path === "/v1/transfers" && !replayed) {
    expect(transfersAdded(changes)).toEqual([body.id]);
  } else if (request.method === "POST" && path === "/v1/transfers/bulk") {
    const results = body.results as { id: string; status: number; replayed?: boolean }[];
    const created = results.filter((result) => result.status === 201 && result.replayed !== true);
    expect(transfersAdded(changes)).toEqual(created.map((result) => result.id).sort());
  } else if (request.method === "POST" && /\/(commit|void)$/.test(path) && !replayed) {
    expect(transfersAdded(changes)).toHaveLength(1);
  } else {
    expectReadWroteOnlyNonce(changes, request.nonce);
  }
}

interface Movement {
  debitsPosted: bigint;
  creditsPosted: bigint;
  debitsPending: bigint;
  creditsPending: bigint;
}

const noMovement = (): Movement => ({
  debitsPosted: 0n,
  creditsPosted: 0n,
  debitsPending: 0n,
  creditsPending: 0n,
});

/** How far each participant's position moved, read from the account rows that changed. */
function positionMovements(net: FuzzNetwork, changes: StoreChanges): Record<string, Movement> {
  const movements: Record<string, Movement> = {
    [net.payer.participantId]: noMovement(),
    [net.payee.participantId]: noMovement(),
  };
  const apply = (rows: Record<string, unknown>[] | undefined, sign: bigint) => {
    for (const row of rows ?? []) {
      const movement = movements[String(row.participant_id)];
      if (movement === undefined || row.kind !== "position")
        throw new Error("another account moved");
      movement.debitsPosted += sign * BigInt(String(row.debits_posted));
      movement.creditsPosted += sign * BigInt(String(row.credits_posted));
      movement.debitsPending += sign * BigInt(String(row.debits_pending));
      movement.creditsPending += sign * BigInt(String(row.credits_pending));
    }
  };
  apply(changes.accounts?.added, 1n);
  apply(changes.accounts?.removed, -1n);
  return movements;
}

function expectedMovements(
  transfers: readonly (ValidTransferFields & { readonly amount: string })[],
): Record<string, Movement> {
  const payer = noMovement();
  const payee = noMovement();
  for (const transfer of transfers) {
    const cents = BigInt(transfer.amount.replace(".", ""));
    if (transfer.reserveForMs === undefined) {
      payer.debitsPosted += cents;
      payee.creditsPosted += cents;
    } else {
      payer.debitsPending += cents;
      payee.creditsPending += cents;
    }
  }
  return { "bank-alpha": payer, "bank-beta": payee };
}
