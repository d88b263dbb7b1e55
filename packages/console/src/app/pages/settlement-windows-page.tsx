import { withQuery } from "../api-client.ts";
import { Link, useLocation } from "../router.tsx";
import { type SettlementWindow, windowsOpenFirst } from "../settlement-report.ts";
import { DataTable } from "../ui/data-table.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { Badge, counted, Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";
import { windowStates } from "../vocabulary.ts";

/** The API's page size at most: windows close a few times a day, so this reaches back weeks. */
const windowsShownMax = 200;

export function windowPath(windowId: string): string {
  return `/settlement/${encodeURIComponent(windowId)}`;
}

/**
 * Who closed a window: `schedule`, `cli`, or `operator:<account id>`. An account id is shortened
 * to its first block (the whole of it on hover): only an admin may look operators up by id.
 */
export function ClosedBy({ by }: { readonly by: string | null }) {
  if (by === null) return <span class="muted">—</span>;
  const operator = /^operator:([0-9a-f]{8})-[0-9a-f-]+$/i.exec(by);
  if (operator === null) return <span>{by}</span>;
  return (
    <span title={by}>
      operator <code>{operator[1]}</code>
    </span>
  );
}

/** How the window ended, or what it waits for. */
function WindowOutcome({ window }: { readonly window: SettlementWindow }) {
  if (window.settledAt !== null) {
    return (
      <>
        settled <Time at={window.settledAt} />
      </>
    );
  }
  if (window.carriedInto !== null) {
    return (
      <>
        carried into <Link href={windowPath(window.carriedInto)}>{window.carriedInto}</Link>
      </>
    );
  }
  if (window.state === "open") return <span class="muted">collecting traffic</span>;
  return <span class="muted">awaiting settlement</span>;
}

/** Every currency's settlement windows: the open ones, then the closed, newest first. */
export function SettlementWindowsPage() {
  const { query } = useLocation();
  const currency = query.get("currency") ?? "";
  const state = query.get("state") ?? "";
  const windows = useResource<{ items: readonly SettlementWindow[] }>(
    withQuery("/settlement-windows", { currency, state, limit: windowsShownMax }),
  );
  const rows = windows.data === undefined ? [] : windowsOpenFirst(windows.data.items);
  return (
    <>
      <h1>Settlement</h1>
      <p class="muted">
        Each currency's traffic collects in its open window. Closing a window fixes its net
        positions; they settle through the settlement bank once a second operator approves the
        confirmation, or from the bank's confirmation file.
      </p>
      <FilterForm path="/settlement" names={["currency", "state"]} label="Filter windows">
        <TextField label="Currency" name="currency" value={currency} placeholder="CNY" />
        <SelectField label="State" name="state" value={state} options={["", ...windowStates]} />
      </FilterForm>
      <ProblemNotice problem={windows.problem} />
      {windows.data !== undefined && rows.length === 0 && <p>No window matches.</p>}
      {rows.length > 0 && (
        <DataTable
          caption={`${counted(rows.length, "window", "windows")}, open ones first`}
          columns={["Window", "Currency", "State", "Opened", "Closed", "Closed by", "Outcome"]}
        >
          {rows.map((window) => (
            <tr key={window.id} data-window={window.id}>
              <th scope="row">
                <Link href={windowPath(window.id)}>{window.id}</Link>
              </th>
              <td>{window.currency}</td>
              <td>
                <Badge value={window.state} family="window" />
              </td>
              <td>
                <Time at={window.openedAt} />
              </td>
              <td>
                <Time at={window.closedAt} />
              </td>
              <td>
                <ClosedBy by={window.closedBy} />
              </td>
              <td>
                <WindowOutcome window={window} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
