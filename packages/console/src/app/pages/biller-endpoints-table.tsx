import { DataTable } from "../ui/data-table.tsx";
import { Badge } from "../ui/format.tsx";

/** A biller's endpoint as the biller-protection route gives it: the guard's view on this node. */
export interface BillerEndpointHealth {
  readonly endpointId: string;
  readonly enabled: boolean;
  readonly primary: boolean;
  readonly breaker: string;
  readonly inFlight: number;
  readonly concurrencyMax: number;
  readonly window: {
    readonly seconds: number;
    readonly calls: number;
    readonly failures: number;
    readonly refused: number;
  };
}

/**
 * The biller's endpoints behind the gate: the circuit breaker that stops calls to a failing
 * one, and its own limit on calls at once. Admission comes first, so shed requests never count
 * against an endpoint's health.
 */
export function BillerEndpointsTable({
  billerId,
  endpoints,
}: {
  readonly billerId: string;
  readonly endpoints: readonly BillerEndpointHealth[];
}) {
  if (endpoints.length === 0) {
    return <p class="muted">{billerId} has no endpoint: no call can reach it.</p>;
  }
  const seconds = endpoints[0]?.window.seconds ?? 0;
  return (
    <DataTable
      caption={`Endpoints of ${billerId} on this hub node, calls over the last ${seconds} s`}
      columns={[
        "Endpoint",
        "Breaker",
        { label: "In flight", numeric: true },
        { label: "Calls", numeric: true },
        { label: "Failures", numeric: true },
        { label: "Refused unsent", numeric: true },
      ]}
    >
      {endpoints.map((endpoint) => (
        <tr key={endpoint.endpointId} data-endpoint={endpoint.endpointId}>
          <th scope="row">
            {endpoint.endpointId}
            {endpoint.primary && <span class="muted note"> (primary)</span>}
            {!endpoint.enabled && <span class="muted note"> (disabled)</span>}
          </th>
          <td data-field="breaker">
            <Badge value={endpoint.breaker} />
          </td>
          <td class="number" data-field="inFlight">
            {endpoint.inFlight}
            <span class="muted note"> of {endpoint.concurrencyMax}</span>
          </td>
          <td class="number">{endpoint.window.calls}</td>
          <td class="number">{endpoint.window.failures}</td>
          <td class="number">{endpoint.window.refused}</td>
        </tr>
      ))}
    </DataTable>
  );
}
