import type { AccountSeed } from "./bank-account.ts";

/**
 * Customers a simulator opens when its configuration names none, so that a bank started with
 * no setup can be signed with and debited at once (the demo's banks use them too).
 */
export const demoAccounts: readonly AccountSeed[] = [
  {
    accountNumber: "6222021000000001",
    holderName: "Li Wei",
    idNumber: "11010119900307001X",
    mobile: "+8613800000001",
    currency: "CNY",
    balance: "50000.00",
  },
  {
    accountNumber: "6222021000000002",
    holderName: "Wang Fang",
    idNumber: "310101198501010022",
    mobile: "+8613800000002",
    currency: "CNY",
    balance: "1200.00",
  },
  {
    accountNumber: "6222021000000003",
    holderName: "Zhang Min",
    idNumber: "440101197001010033",
    mobile: "+8613800000003",
    currency: "CNY",
    balance: "80.00",
  },
];
