import type { Shortfall } from "../settlement-report.ts";
import { DataTable } from "../ui/data-table.tsx";
import { counted, Money } from "../ui/format.tsx";

/**
 * Payers whose settlement account cannot cover what they owe now, and the operator's three ways
 * on. It stands above the figures: confirming everything would be refused while it shows.
 */
export function LiquidityWarning({
  shortfalls,
  currency,
}: {
  readonly shortfalls: readonly Shortfall[];
  readonly currency: string;
}) {
  if (shortfalls.length === 0) return null;
  return (
    <section class="warning" aria-labelledby="liquidity-warning" data-testid="liquidity-warning">
      <h2 id="liquidity-warning">
        Liquidity warning: {counted(shortfalls.length, "payer is", "payers are")} short
      </h2>
      <DataTable
        caption="Payers whose settlement account cannot pay their instruction now"
        columns={[
          "Participant",
          { label: "Owes", numeric: true },
          { label: "Can pay now", numeric: true },
          { label: "Short by", numeric: true },
        ]}
      >
        {shortfalls.map((shortfall) => (
          <tr key={shortfall.participantId} data-shortfall={shortfall.participantId}>
            <th scope="row">{shortfall.participantId}</th>
            <td class="number">
              <Money amount={shortfall.owes} currency={currency} />
            </td>
            <td class="number">
              <Money amount={shortfall.reserve} currency={currency} />
            </td>
            <td class="number">
              <strong>
                <Money amount={shortfall.shortBy} currency={currency} />
              </strong>
            </td>
          </tr>
        ))}
      </DataTable>
      <p>Confirming every instruction is refused while a payer is short. Three ways on:</p>
      <dl class="choices">
        <dt>Wait for funds</dt>
        <dd>
          The short payer moves funds into its settlement account; then confirm every instruction.
        </dd>
        <dt>Settle the others</dt>
        <dd>
          Confirm <code>all_covered</code>: everyone whose reserve covers its instruction settles
          now, the short payers' instructions wait, and the window stays pending until they are
          confirmed by name.
        </dd>
        <dt>Abort</dt>
        <dd>
          Nothing moves: the window's net positions are carried into the currency's open window and
          settle with its round.
        </dd>
      </dl>
    </section>
  );
}
