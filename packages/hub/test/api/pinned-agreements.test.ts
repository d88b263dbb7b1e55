import { expect, it } from "vitest";
import { pinnedAgreement } from "../support/agreements.ts";
import { describeEachBackend } from "../support/backends.ts";
import { createParticipant, expectProblem, useApiHarness } from "./api-harness.ts";

describeEachBackend("pinned agreements per bank endpoint", (backend) => {
  const api = useApiHarness(backend);

  it("counts what each endpoint holds, and refuses what is not a bank", async () => {
    await createParticipant(api, "bank-a");
    await createParticipant(api, "wallet-a");
    for (const id of ["branch-1", "unified"]) {
      const added = await api.call("POST", "/operator/v1/banks/bank-a/endpoints", {
        id,
        url: `https://bank-a.example/${id}`,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    for (const [id, endpoint, state] of [
      ["a-1", "branch-1", "active"],
      ["a-2", "branch-1", "failed"],
      ["a-3", "unified", "active"],
    ] as const) {
      await api.hub.agreementStore.insert(pinnedAgreement(id, "bank-a", endpoint, state));
    }
    const response = await api.call("GET", "/operator/v1/banks/bank-a/pinned-agreements");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      items: [
        { endpointId: "branch-1", active: 1, total: 2 },
        { endpointId: "unified", active: 1, total: 1 },
      ],
    });
    expectProblem(
      await api.call("GET", "/operator/v1/banks/nobody/pinned-agreements"),
      404,
      "participant_not_found",
    );
  });
});
