import { useState } from "preact/hooks";
import { apiRequest, segment } from "../api-client.ts";
import { mayDo } from "../role-policy.ts";
import type { Role } from "../session.ts";
import { DataTable } from "../ui/data-table.tsx";
import { ConfirmButton } from "../ui/fields.tsx";
import { Badge } from "../ui/format.tsx";
import { ActionOutcome, ProblemNotice } from "../ui/problem-notice.tsx";
import { type Action, useAction } from "../ui/use-action.ts";
import { useResource } from "../ui/use-resource.ts";
import { approvalNotice } from "../vocabulary.ts";
import { type Migration, Migrations, NewMigration } from "./bank-migrations-section.tsx";

interface BankEndpoint {
  readonly id: string;
  readonly url: string;
  readonly timeoutMs: number;
  readonly concurrencyMax: number;
  readonly enabled: boolean;
  readonly primary: boolean;
  /** Retired endpoints stay listed, out of service for good. */
  readonly retiredAt: string | null;
}

interface EndpointHealth {
  readonly endpointId: string;
  readonly breaker: string;
  readonly inFlight: number;
  readonly window: { seconds: number; calls: number; failures: number; refused: number };
  readonly latencyMs: { p50: number; p99: number } | null;
}

interface PinnedAgreements {
  readonly endpointId: string;
  readonly active: number;
  readonly total: number;
}

export function BankPage({ bankId, role }: { readonly bankId: string; readonly role: Role }) {
  const base = `/banks/${segment(bankId)}`;
  const endpoints = useResource<{ items: readonly BankEndpoint[] }>(`${base}/endpoints`);
  const health = useResource<{ items: readonly EndpointHealth[] }>(`${base}/endpoint-health`);
  const migrations = useResource<{ items: readonly Migration[] }>(`${base}/endpoint-migrations`);
  const pinned = useResource<{ items: readonly PinnedAgreements[] }>(`${base}/pinned-agreements`);
  const action = useAction();
  const reload = () => {
    endpoints.reload();
    health.reload();
    migrations.reload();
    pinned.reload();
  };
  const mayChangeEndpoints = mayDo(role, "bank_endpoint.change");
  const mayMigrate = mayDo(role, "endpoint_migration.change");
  // A retired endpoint is never a migration's source or target.
  const endpointIds =
    endpoints.data?.items
      .filter((endpoint) => endpoint.retiredAt === null)
      .map((endpoint) => endpoint.id) ?? [];
  return (
    <>
      <h1>
        Bank <span class="id">{bankId}</span>
      </h1>
      <ProblemNotice problem={endpoints.problem ?? migrations.problem} />
      <ActionOutcome action={action} />
      {endpoints.data !== undefined && (
        <Endpoints
          base={base}
          endpoints={endpoints.data.items}
          health={health.data?.items ?? []}
          migrations={migrations.data?.items ?? []}
          pinned={pinned.data?.items}
          action={mayChangeEndpoints ? action : undefined}
          onDone={reload}
        />
      )}
      {migrations.data !== undefined && (
        <Migrations
          base={base}
          migrations={migrations.data.items}
          action={mayMigrate ? action : undefined}
          onDone={reload}
        />
      )}
      {mayMigrate && endpointIds.length > 1 && (
        <NewMigration base={base} endpointIds={endpointIds} onDone={reload} />
      )}
    </>
  );
}

/**
 * Where agreements go: an endpoint keeps the agreements pinned to it, except the share an
 * active migration from it serves from its target.
 */
function routingNote(endpointId: string, migrations: readonly Migration[]): string {
  const leaving = migrations.find(
    (migration) => migration.fromEndpointId === endpointId && migration.state === "active",
  );
  const arriving = migrations.filter(
    (migration) => migration.toEndpointId === endpointId && migration.state === "active",
  );
  const notes: string[] = [];
  if (leaving !== undefined) {
    notes.push(
      `${100 - leaving.weightPercent}% of its pinned agreements stay; ${leaving.weightPercent}% go to ${leaving.toEndpointId}`,
    );
  }
  for (const migration of arriving) {
    notes.push(`serves ${migration.weightPercent}% of ${migration.fromEndpointId}'s agreements`);
  }
  return notes.length === 0 ? "its pinned agreements" : notes.join("; ");
}

function endpointState(endpoint: BankEndpoint): string {
  if (endpoint.retiredAt !== null) return "retired";
  return endpoint.enabled ? "enabled" : "disabled";
}

function pinnedText(pinned: readonly PinnedAgreements[] | undefined, endpointId: string): string {
  if (pinned === undefined) return "";
  const entry = pinned.find((counted) => counted.endpointId === endpointId);
  return entry === undefined ? "0" : `${entry.total} (${entry.active})`;
}

function Endpoints({
  base,
  endpoints,
  health,
  migrations,
  pinned,
  action,
  onDone,
}: {
  readonly base: string;
  readonly endpoints: readonly BankEndpoint[];
  readonly health: readonly EndpointHealth[];
  readonly migrations: readonly Migration[];
  /** Undefined until read. */
  readonly pinned: readonly PinnedAgreements[] | undefined;
  readonly action: Action | undefined;
  readonly onDone: () => void;
}) {
  const makePrimary = (endpointId: string) =>
    void action?.run(async () => {
      const answer = await apiRequest("PUT", `${base}/primary-endpoint`, { endpointId });
      onDone();
      return approvalNotice(answer.status, answer.body, `New signings now go to ${endpointId}.`);
    });
  const [lastDisabled, setLastDisabled] = useState<string | undefined>(undefined);
  const setEnabled = (endpointId: string, enabled: boolean, force = false) =>
    void action?.run(async () => {
      setLastDisabled(enabled ? undefined : endpointId);
      await apiRequest("PATCH", `${base}/endpoints/${segment(endpointId)}`, {
        enabled,
        ...(force ? { force: true } : {}),
      });
      onDone();
      return `Endpoint ${endpointId} ${enabled ? "enabled" : "disabled"}.`;
    });
  const retire = (endpointId: string) =>
    void action?.run(async () => {
      await apiRequest("POST", `${base}/endpoints/${segment(endpointId)}/retire`);
      onDone();
      return `Endpoint ${endpointId} retired.`;
    });
  // Agreements still pinned there would fail: the API asks for an explicit override.
  const inUse = action?.problem?.code === "bank_endpoint_in_use";
  return (
    <section aria-labelledby="endpoints-heading">
      <h2 id="endpoints-heading">Endpoints</h2>
      <DataTable
        caption="Interface endpoints, their health on this hub node, and what they serve"
        columns={[
          "Endpoint",
          "URL",
          "State",
          "Breaker",
          { label: "Calls (failed)", numeric: true },
          { label: "p99 ms", numeric: true },
          { label: "Pinned (active)", numeric: true },
          "Serves",
          action !== undefined && "Action",
        ]}
      >
        {endpoints.map((endpoint) => {
          const seen = health.find((entry) => entry.endpointId === endpoint.id);
          return (
            <tr key={endpoint.id} data-endpoint={endpoint.id}>
              <th scope="row">{endpoint.id}</th>
              <td>
                <code>{endpoint.url}</code>
              </td>
              <td>
                {endpoint.primary && <Badge value="primary" />}{" "}
                <Badge value={endpointState(endpoint)} />
              </td>
              <td>{seen === undefined ? "" : <Badge value={seen.breaker} />}</td>
              <td class="number">
                {seen === undefined ? "" : `${seen.window.calls} (${seen.window.failures})`}
              </td>
              <td class="number">{seen?.latencyMs?.p99 ?? ""}</td>
              <td class="number" data-field="pinned">
                {pinnedText(pinned, endpoint.id)}
              </td>
              <td>{routingNote(endpoint.id, migrations)}</td>
              {action !== undefined && (
                <td class="actions">
                  {endpoint.retiredAt === null && !endpoint.primary && endpoint.enabled && (
                    <ConfirmButton
                      confirmLabel={`Send new signings to ${endpoint.id}`}
                      disabled={action.busy}
                      onConfirm={() => makePrimary(endpoint.id)}
                    >
                      Make primary
                    </ConfirmButton>
                  )}
                  {endpoint.retiredAt === null && !endpoint.primary && (
                    <>
                      <button
                        type="button"
                        disabled={action.busy}
                        onClick={() => setEnabled(endpoint.id, !endpoint.enabled)}
                      >
                        {endpoint.enabled ? "Disable" : "Enable"}
                      </button>
                      <ConfirmButton
                        confirmLabel={`Retire ${endpoint.id} for good`}
                        disabled={action.busy}
                        onConfirm={() => retire(endpoint.id)}
                      >
                        Retire
                      </ConfirmButton>
                    </>
                  )}
                  {inUse && lastDisabled === endpoint.id && endpoint.enabled && (
                    <ConfirmButton
                      confirmLabel={`Disable ${endpoint.id}: its agreements' calls will fail`}
                      disabled={action.busy}
                      onConfirm={() => setEnabled(endpoint.id, false, true)}
                    >
                      Disable anyway
                    </ConfirmButton>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
