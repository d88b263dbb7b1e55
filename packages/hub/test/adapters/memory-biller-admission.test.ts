import { describe } from "vitest";
import { MemoryBillerAdmission } from "../../src/adapters/limits/memory-biller-admission.ts";
import { billerAdmissionContract } from "./biller-admission-contract.ts";

describe("MemoryBillerAdmission", () => {
  describe("contract", () => {
    billerAdmissionContract(async (clock) => new MemoryBillerAdmission(clock));
  });
});
