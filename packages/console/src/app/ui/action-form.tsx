import type { ComponentChildren } from "preact";
import { ActionOutcome } from "./problem-notice.tsx";
import type { Action } from "./use-action.ts";

/**
 * A titled section holding one form that changes something, with the outcome under it. The submit
 * button is disabled while the action runs, so a double click does not send it twice.
 */
export function ActionForm({
  headingId,
  heading,
  submitLabel,
  action,
  onSubmit,
  children,
}: {
  readonly headingId: string;
  readonly heading: string;
  readonly submitLabel: string;
  readonly action: Action;
  readonly onSubmit: (event: Event) => void;
  readonly children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <form class="inline-form" onSubmit={onSubmit}>
        {children}
        <button type="submit" disabled={action.busy}>
          {submitLabel}
        </button>
      </form>
      <ActionOutcome action={action} />
    </section>
  );
}
