import { apiRequest, segment } from "../api-client.ts";
import type { SettlementWindow } from "../settlement-report.ts";
import { ConfirmButton } from "../ui/fields.tsx";
import type { Action } from "../ui/use-action.ts";

/**
 * Closing an open window and aborting a closed one. The page owns the action and shows its
 * outcome where it stays in view: once the window changes state, the section that acted is gone.
 */
interface LifecycleProps {
  readonly window: SettlementWindow;
  readonly action: Action;
  /** Reads the window again, after it changed. */
  readonly onChanged: () => void;
}

function windowPath(window: SettlementWindow): string {
  return `/settlement-windows/${segment(window.id)}`;
}

export function CloseWindowSection({ window, action, onChanged }: LifecycleProps) {
  const close = () =>
    void action.run(async () => {
      const { body } = await apiRequest<{
        window: SettlementWindow;
        next: SettlementWindow | null;
      }>("POST", `${windowPath(window)}/close`);
      onChanged();
      return body.next === null
        ? `${body.window.id} was closed already.`
        : `Closed ${body.window.id}; ${body.next.id} is open for new traffic.`;
    });
  return (
    <section aria-labelledby="close-window">
      <h2 id="close-window">Close the window</h2>
      <p class="muted">
        Fixes the net positions of every batch posted so far and opens the next window for new
        traffic.
      </p>
      <button type="button" disabled={action.busy} onClick={close}>
        Close {window.id}
      </button>
    </section>
  );
}

/** A second click confirms: abort sends the whole round back to settle with the next. */
export function AbortWindowSection({ window, action, onChanged }: LifecycleProps) {
  const abort = () =>
    void action.run(async () => {
      const { body } = await apiRequest<{ window: SettlementWindow; into: SettlementWindow }>(
        "POST",
        `${windowPath(window)}/abort`,
      );
      onChanged();
      return `Aborted ${body.window.id}: its positions are carried into ${body.into.id}.`;
    });
  return (
    <section aria-labelledby="abort-window">
      <h2 id="abort-window">Abort</h2>
      <p class="muted">
        Nothing moves: the net positions are carried into the currency's open window and settle with
        its round. Only while none of the window's legs is posted.
      </p>
      <ConfirmButton
        disabled={action.busy}
        confirmLabel={`Abort ${window.id} and carry its positions on`}
        onConfirm={abort}
      >
        Abort {window.id}
      </ConfirmButton>
    </section>
  );
}
