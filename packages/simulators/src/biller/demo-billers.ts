import type { CustomerSeed } from "./biller-customer.ts";

/** A demo biller: who it is, how it knows its customers, who they are, what it can bear. */
export interface DemoBiller {
  readonly billerId: string;
  readonly name: string;
  readonly category: string;
  readonly parameterNames: readonly string[];
  readonly declaredPerSecond: number;
  readonly customers: readonly CustomerSeed[];
}

/**
 * The billers of the demo network, each run by its own simulator: a water company that knows
 * its customers by account number, and an electricity company that knows them by account and
 * meter. The customers are the demo bank's (Li Wei, Wang Fang, Zhang Min), so the README's
 * walk-through can inquire and pay their bills with the money in their bank accounts.
 */
export const demoBillers: readonly DemoBiller[] = [
  {
    billerId: "water-city",
    name: "City Water",
    category: "water",
    parameterNames: ["accountNumber"],
    declaredPerSecond: 20,
    customers: [
      {
        parameters: { accountNumber: "W10000001" },
        name: "Li Wei",
        currency: "CNY",
        bills: [
          {
            billNumber: "W-2026-11-0001",
            amountDue: "86.40",
            dueDate: "2026-12-20",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Water, November 2026",
          },
        ],
      },
      {
        parameters: { accountNumber: "W10000002" },
        name: "Wang Fang",
        currency: "CNY",
        bills: [
          {
            billNumber: "W-2026-10-0002",
            amountDue: "45.10",
            dueDate: "2026-11-20",
            period: { from: "2026-10-01", to: "2026-10-31" },
            description: "Water, October 2026",
          },
          {
            billNumber: "W-2026-11-0002",
            amountDue: "52.75",
            dueDate: "2026-12-20",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Water, November 2026",
          },
        ],
      },
      { parameters: { accountNumber: "W10000003" }, name: "Zhang Min", currency: "CNY" },
    ],
  },
  {
    billerId: "power-grid",
    name: "Grid Electric",
    category: "electricity",
    parameterNames: ["accountNumber", "meterNumber"],
    declaredPerSecond: 30,
    customers: [
      {
        parameters: { accountNumber: "E20000001", meterNumber: "M0001" },
        name: "Li Wei",
        currency: "CNY",
        bills: [
          {
            billNumber: "E-2026-11-0001",
            amountDue: "312.58",
            amountMin: "100.00",
            amountMax: "1000.00",
            dueDate: "2026-12-15",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Electricity, November 2026 (part and advance payments taken)",
          },
        ],
      },
      {
        parameters: { accountNumber: "E20000002", meterNumber: "M0002" },
        name: "Wang Fang",
        currency: "CNY",
        bills: [
          {
            billNumber: "E-2026-11-0002",
            amountDue: "128.00",
            amountMin: "128.00",
            amountMax: "2000.00",
            dueDate: "2026-12-15",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Electricity, November 2026",
          },
        ],
      },
      {
        parameters: { accountNumber: "E20000003", meterNumber: "M0003" },
        name: "Zhang Min",
        currency: "CNY",
        status: "inactive",
      },
    ],
  },
];

export function demoBiller(billerId: string): DemoBiller | undefined {
  return demoBillers.find((biller) => biller.billerId === billerId);
}
