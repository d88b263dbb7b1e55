import { useState } from "preact/hooks";
import { apiRequest, segment } from "../api-client.ts";
import {
  isReversible,
  type ReconciliationBreak,
  type ResolutionAction,
} from "../reconciliation-break.ts";
import { formValues } from "../ui/fields.tsx";
import type { Action } from "../ui/use-action.ts";

const actionLabels: Readonly<Record<ResolutionAction, string>> = {
  accept: "Accept the hub's record",
  reverse: "Reverse the hub's transfer",
  write_off: "Write it off",
};

function actionHint(action: ResolutionAction, found: ReconciliationBreak): string {
  if (action === "accept") return "the hub's row stands; the participant corrects its books";
  if (action === "write_off") return "nothing moves; the reason is kept and audited";
  return `a new transfer the other way, id rev.${found.id}; once, however often sent`;
}

/**
 * The one resolution of an open break. Reversing is offered only for what the API can reverse
 * (a completed hub transaction); any refusal still shows as the API's problem.
 */
export function BreakResolutionForm({
  found,
  action,
  onResolved,
}: {
  readonly found: ReconciliationBreak;
  /** The page's: its outcome is shown above, where it stays once the form is gone. */
  readonly action: Action;
  /** Reads the break again, now resolved. */
  readonly onResolved: () => void;
}) {
  const choices: readonly ResolutionAction[] = isReversible(found)
    ? ["accept", "reverse", "write_off"]
    : ["accept", "write_off"];
  const [chosen, setChosen] = useState<ResolutionAction>("accept");
  const resolve = (event: Event) => {
    const { reason = "" } = formValues(event);
    void action.run(async () => {
      const { body } = await apiRequest<ReconciliationBreak>(
        "POST",
        `/reconciliation/breaks/${segment(found.id)}/resolution`,
        chosen === "write_off" ? { action: chosen, reason } : { action: chosen },
      );
      onResolved();
      return `Resolved ${body.id}: ${body.state.replace("_", " ")}.`;
    });
  };
  return (
    <section aria-labelledby="resolve-break">
      <h2 id="resolve-break">Resolve</h2>
      <form class="stacked-form" onSubmit={resolve}>
        <fieldset>
          <legend>Resolution</legend>
          {choices.map((value) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name="action"
                value={value}
                checked={chosen === value}
                onChange={() => setChosen(value)}
              />
              <span>
                {actionLabels[value]} <span class="muted">— {actionHint(value, found)}</span>
              </span>
            </label>
          ))}
          {!isReversible(found) && (
            <p class="muted note">
              Reversing is only for a completed transaction the hub cleared; this one is not.
            </p>
          )}
        </fieldset>
        {chosen === "write_off" && (
          <div class="field">
            <label for="write-off-reason">Reason</label>
            <textarea id="write-off-reason" name="reason" rows={2} maxLength={500} required />
          </div>
        )}
        <div>
          <button type="submit" disabled={action.busy}>
            {actionLabels[chosen]}
          </button>
        </div>
      </form>
    </section>
  );
}
