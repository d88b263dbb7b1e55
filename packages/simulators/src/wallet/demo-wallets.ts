import type { PrepaidCardSeed, WalletCustomerSeed } from "./wallet-customer.ts";

/** A demo issuer: who it is, its ranges in the hub's routing table, its customers and cards. */
export interface DemoWallet {
  readonly walletId: string;
  readonly name: string;
  /** The prefix of its one-time payment codes (18 digits in all). */
  readonly codePrefix: string;
  /** The prefix of its prepaid card numbers. */
  readonly cardPrefix: string;
  readonly customers: readonly WalletCustomerSeed[];
  readonly cards: readonly PrepaidCardSeed[];
}

/**
 * The issuers of the demo network, each run by its own simulator, under the ids of the hub's
 * demo payment institutions (wallet-alpha, wallet-beta), so the README's walk-through can pay a
 * consumer-presented code and a prepaid card at the demo merchant. The customers are the demo
 * bank's (Li Wei, Wang Fang, Zhang Min) at each verification level the limits tell apart, one
 * who confirms payments in the app, and one blocked.
 */
export const demoWallets: readonly DemoWallet[] = [
  {
    walletId: "wallet-alpha",
    name: "Alpha Pay",
    codePrefix: "2801",
    cardPrefix: "9801",
    customers: [
      {
        customerId: "alpha-li-wei",
        name: "Li Wei",
        balances: { CNY: "20000.00" },
        verificationLevel: "B",
      },
      {
        customerId: "alpha-wang-fang",
        name: "Wang Fang",
        balances: { CNY: "3000.00" },
        verificationLevel: "C",
        confirmInApp: true,
      },
      {
        customerId: "alpha-zhang-min",
        name: "Zhang Min",
        balances: { CNY: "800.00" },
        verificationLevel: "D",
      },
      {
        customerId: "alpha-blocked",
        name: "Chen Jie",
        balances: { CNY: "100.00" },
        verificationLevel: "C",
        blocked: true,
      },
    ],
    cards: [
      { number: "9801000000000001", currency: "CNY", balance: "500.00" },
      { number: "9801000000000019", currency: "CNY", balance: "50.00" },
    ],
  },
  {
    walletId: "wallet-beta",
    name: "Beta Wallet",
    codePrefix: "2802",
    cardPrefix: "9802",
    customers: [
      {
        customerId: "beta-li-wei",
        name: "Li Wei",
        balances: { CNY: "100000.00" },
        verificationLevel: "A",
      },
      {
        customerId: "beta-wang-fang",
        name: "Wang Fang",
        balances: { CNY: "1500.00" },
        verificationLevel: "B",
      },
    ],
    cards: [{ number: "9802000000000002", currency: "CNY", balance: "1000.00" }],
  },
];

export function demoWallet(walletId: string): DemoWallet | undefined {
  return demoWallets.find((wallet) => wallet.walletId === walletId);
}
