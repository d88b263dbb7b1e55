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
 * The billers of the demo network, each run by its own simulator, with the ids and customer
 * parameters of the hub's demo profiles (the hub's `src/cli/demo-billers.ts`), so every value
 * here passes the profile's rules (pattern, length, check digit): a water company that knows its
 * customers by a Luhn-checked account number, a power grid by a mod-11-checked meter number, and
 * a broadband operator by phone number. The customers are the demo bank's (Li Wei, Wang Fang,
 * Zhang Min), so the README's walk-through can inquire and pay their bills.
 */
export const demoBillers: readonly DemoBiller[] = [
  {
    billerId: "biller-water",
    name: "City Water",
    category: "water",
    parameterNames: ["account_number"],
    declaredPerSecond: 20,
    customers: [
      {
        parameters: { account_number: "3100000003" },
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
        parameters: { account_number: "3100000011" },
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
      { parameters: { account_number: "3100000029" }, name: "Zhang Min", currency: "CNY" },
    ],
  },
  {
    billerId: "biller-power",
    name: "Grid Electric",
    category: "electricity",
    parameterNames: ["meter_number"],
    declaredPerSecond: 30,
    customers: [
      {
        parameters: { meter_number: "20260000005" },
        name: "Li Wei",
        currency: "CNY",
        bills: [
          {
            billNumber: "E-2026-11-0001",
            amountDue: "312.58",
            amountMax: "1000.00",
            dueDate: "2026-12-15",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Electricity, November 2026 (advance payments taken)",
          },
        ],
      },
      {
        parameters: { meter_number: "20260000013" },
        name: "Wang Fang",
        currency: "CNY",
        bills: [
          {
            billNumber: "E-2026-11-0002",
            amountDue: "128.00",
            amountMax: "2000.00",
            dueDate: "2026-12-15",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Electricity, November 2026",
          },
        ],
      },
      {
        parameters: { meter_number: "20260000021" },
        name: "Zhang Min",
        currency: "CNY",
        status: "inactive",
      },
    ],
  },
  {
    billerId: "biller-telecom",
    name: "Telecom Broadband",
    category: "broadband",
    parameterNames: ["phone_number"],
    declaredPerSecond: 50,
    customers: [
      {
        parameters: { phone_number: "13800000001" },
        name: "Li Wei",
        currency: "CNY",
        bills: [
          {
            billNumber: "T-2026-11-0001",
            amountDue: "199.00",
            amountMin: "50.00",
            dueDate: "2026-12-10",
            period: { from: "2026-11-01", to: "2026-11-30" },
            description: "Broadband, November 2026 (part payments taken)",
          },
        ],
      },
      { parameters: { phone_number: "13800000002" }, name: "Wang Fang", currency: "CNY" },
    ],
  },
];

export function demoBiller(billerId: string): DemoBiller | undefined {
  return demoBillers.find((biller) => biller.billerId === billerId);
}
