/**
 * How the settlement pages read the API's figures: a net position's sign read from its decimal
 * string (no float on the way), and the windows' order, open ones first.
 */
import { netStanding, windowsOpenFirst } from "@clearhub/console";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("settlement report reading", () => {
  it("reads a negative net as owing, a positive one as receiving, zero as square", () => {
    expect(netStanding("-254.50")).toEqual({ kind: "owes", amount: "254.50" });
    expect(netStanding("254.50")).toEqual({ kind: "receives", amount: "254.50" });
    expect(netStanding("0.00")).toEqual({ kind: "square", amount: "0.00" });
    expect(netStanding("0")).toEqual({ kind: "square", amount: "0" });
    expect(netStanding("0.01")).toEqual({ kind: "receives", amount: "0.01" });
    // Far beyond a float's exact range: the digits come back as sent.
    expect(netStanding("-90071992547409931.07")).toEqual({
      kind: "owes",
      amount: "90071992547409931.07",
    });
  });

  it("puts open windows first and keeps the API's order within each group", () => {
    const states = ["open", "closed", "pending_settlement", "settled", "aborted"] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...states), { maxLength: 30 }), (drawn) => {
        const windows = drawn.map((state, index) => ({ id: `W-${index}`, state }));
        const ordered = windowsOpenFirst(windows).map((w) => w.id);
        const open = windows.filter((w) => w.state === "open").map((w) => w.id);
        const rest = windows.filter((w) => w.state !== "open").map((w) => w.id);
        expect(ordered).toEqual([...open, ...rest]);
      }),
    );
  });
});
