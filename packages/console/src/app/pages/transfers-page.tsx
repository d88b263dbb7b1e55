import { Link, useLocation } from "../router.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { FilterForm } from "../ui/filter-form.tsx";
import { Badge, counted, Money, Time } from "../ui/format.tsx";
import { NextPageLink } from "../ui/next-page-link.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useCursorPage } from "../ui/use-cursor-page.ts";
import { transferKinds, transferStates } from "../vocabulary.ts";

interface TransferRow {
  readonly id: string;
  readonly kind: string;
  readonly state: string;
  readonly payerId: string;
  readonly payeeId: string;
  readonly amount: string;
  readonly currency: string;
  readonly reference: string | null;
  readonly createdAt: string;
}

/** Filters with a closed set of values, offered as choices. */
const choices: Readonly<Record<string, readonly string[]>> = {
  kind: ["", ...transferKinds],
  state: ["", ...transferStates],
};

/** The search's filters, as the API names them; the page keeps them in its address. */
const filters = [
  ["participant", "Participant"],
  ["counterparty", "Counterparty"],
  ["kind", "Kind"],
  ["state", "State"],
  ["currency", "Currency"],
  ["amountMin", "Amount from"],
  ["amountMax", "Amount to"],
  ["from", "Created from (ISO time)"],
  ["to", "Created before (ISO time)"],
  ["reference", "Reference"],
] as const;

const filterNames = filters.map(([name]) => name);

export function TransfersPage() {
  const { query } = useLocation();
  const searched = filterNames.some((name) => query.has(name)) || query.has("all");
  const { filters: values, page } = useCursorPage<TransferRow>(
    "/transfers",
    filterNames,
    50,
    searched,
  );
  return (
    <>
      <h1>Transfers</h1>
      <FilterForm
        path="/transfers"
        names={filterNames}
        label="Search transfers"
        submitLabel="Search"
        whenEmpty={{ all: "1" }}
      >
        {filters.map(([name, label]) => {
          const options = choices[name];
          return options === undefined ? (
            <TextField key={name} label={label} name={name} value={values[name]} />
          ) : (
            <SelectField
              key={name}
              label={label}
              name={name}
              value={values[name]}
              options={options}
            />
          );
        })}
      </FilterForm>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && (
        <DataTable
          caption={`${counted(page.data.items.length, "transfer", "transfers")}, newest first`}
          columns={[
            "Id",
            "Kind",
            "State",
            "Payer",
            "Payee",
            { label: "Amount", numeric: true },
            "Reference",
            "Created",
          ]}
        >
          {page.data.items.map((transfer) => (
            <tr key={transfer.id} data-transfer={transfer.id}>
              <th scope="row">
                <Link href={`/trace/${encodeURIComponent(transfer.id)}`}>{transfer.id}</Link>
              </th>
              <td>{transfer.kind}</td>
              <td>
                <Badge value={transfer.state} />
              </td>
              <td>{transfer.payerId}</td>
              <td>{transfer.payeeId}</td>
              <td class="number">
                <Money amount={transfer.amount} currency={transfer.currency} />
              </td>
              <td>{transfer.reference ?? ""}</td>
              <td>
                <Time at={transfer.createdAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <NextPageLink path="/transfers" filters={values} nextCursor={page.data?.nextCursor} />
    </>
  );
}
