import { withQuery } from "../api-client.ts";
import { Link, navigate, pathWithQuery, useLocation } from "../router.tsx";
import { formValues, SelectField, TextField } from "../ui/fields.tsx";
import { Badge, Money, Time } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useResource } from "../ui/use-resource.ts";
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

interface TransferPage {
  readonly items: readonly TransferRow[];
  readonly nextCursor: string | null;
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

export function TransfersPage() {
  const { query } = useLocation();
  const values = Object.fromEntries(filters.map(([name]) => [name, query.get(name) ?? ""]));
  const cursor = query.get("cursor") ?? "";
  const searched = filters.some(([name]) => query.has(name)) || query.has("all");
  const page = useResource<TransferPage>(
    searched ? withQuery("/transfers", { ...values, cursor, limit: 50 }) : undefined,
  );
  const search = (event: Event) => {
    const chosen = formValues(event);
    const any = filters.some(([name]) => (chosen[name] ?? "") !== "");
    navigate(pathWithQuery("/transfers", any ? chosen : { all: "1" }));
  };
  return (
    <>
      <h1>Transfers</h1>
      <form class="filters" onSubmit={search} aria-label="Search transfers">
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
        <button type="submit">Search</button>
      </form>
      <ProblemNotice problem={page.problem} />
      {page.data !== undefined && (
        <div class="table-wrap">
          <table>
            <caption>
              {page.data.items.length} transfer{page.data.items.length === 1 ? "" : "s"}, newest
              first
            </caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Kind</th>
                <th scope="col">State</th>
                <th scope="col">Payer</th>
                <th scope="col">Payee</th>
                <th scope="col" class="number">
                  Amount
                </th>
                <th scope="col">Reference</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      {page.data?.nextCursor != null && (
        <p>
          <Link href={pathWithQuery("/transfers", { ...values, cursor: page.data.nextCursor })}>
            Next page
          </Link>
        </p>
      )}
    </>
  );
}
