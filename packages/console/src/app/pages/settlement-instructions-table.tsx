import type { Instruction, LegState, Shortfall } from "../settlement-report.ts";
import { DataTable } from "../ui/data-table.tsx";
import { Badge, Money } from "../ui/format.tsx";

const legLabels: Readonly<Record<LegState, string>> = {
  none: "not posted",
  instructed: "instructed",
  posted: "posted",
};

/**
 * What the settlement bank moves: each payer pays its net in, each receiver is paid its net out,
 * and the ledger transfer (the leg) that records it, with its state.
 */
export function SettlementInstructionsTable({
  instructions,
  shortfalls,
  currency,
}: {
  readonly instructions: readonly Instruction[];
  readonly shortfalls: readonly Shortfall[];
  readonly currency: string;
}) {
  if (instructions.length === 0) {
    return <p class="muted">Nothing to settle: every position nets to zero.</p>;
  }
  const short = new Set(shortfalls.map((shortfall) => shortfall.participantId));
  return (
    <DataTable
      caption="Settlement instructions and the state of each one's leg in the ledger"
      columns={["Participant", "Direction", { label: "Amount", numeric: true }, "Leg"]}
    >
      {instructions.map((instruction) => (
        <tr
          key={instruction.accountId}
          data-instruction={instruction.participantId}
          class={short.has(instruction.participantId) ? "owing-row" : undefined}
        >
          <th scope="row">{instruction.participantId}</th>
          <td>
            {instruction.direction}
            {short.has(instruction.participantId) && <strong class="short-mark"> (short)</strong>}
          </td>
          <td class="number">
            <Money amount={instruction.amount} currency={currency} />
          </td>
          <td data-field="leg">
            <Badge value={instruction.leg} family="leg" label={legLabels[instruction.leg]} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
