import { useId, useState } from "preact/hooks";
import { apiRequest, segment } from "../api-client.ts";
import type { Confirmation, SettlementWindow } from "../settlement-report.ts";
import { counted } from "../ui/format.tsx";
import { ProblemNotice } from "../ui/problem-notice.tsx";
import { useAction } from "../ui/use-action.ts";

const fileHeader = "window_id,participant_id,direction,amount,currency";

function confirmedText(confirmation: Confirmation): string {
  const parts = [
    `${counted(confirmation.posted.length, "leg", "legs")} posted`,
    `${confirmation.alreadyPosted.length} posted before`,
  ];
  if (confirmation.refused.length > 0) {
    const who = confirmation.refused.map((r) => `${r.participantId} (${r.code})`).join(", ");
    parts.push(`refused by the ledger: ${who}`);
  }
  return `Confirmed from the file: ${parts.join("; ")}. ${confirmation.window.id} is ${confirmation.window.state}.`;
}

/**
 * The settlement bank's confirmation file, pasted or read from disk. The hub checks every line
 * against the window; one mismatch refuses the whole file, and the refusal lists the lines.
 */
export function ConfirmationFileForm({
  window,
  onConfirmed,
}: {
  readonly window: SettlementWindow;
  /** Told what moved; the page says it, since a settled window no longer shows this form. */
  readonly onConfirmed: (summary: string) => void;
}) {
  const [text, setText] = useState("");
  const action = useAction();
  const textId = useId();
  const fileId = useId();
  const readFile = (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file !== undefined) void file.text().then(setText);
  };
  const send = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      // The hub takes a header alone as a file confirming nobody, which leaves the window
      // pending with nothing moved: almost surely the wrong file, so it is not sent.
      if (text.split(/\r?\n/).filter((line) => line.trim() !== "").length < 2) {
        throw new Error("The file has no line after its header: nothing to confirm.");
      }
      const { body } = await apiRequest<Confirmation>(
        "POST",
        `/settlement-windows/${segment(window.id)}/confirmation-file`,
        { file: text },
      );
      const summary = confirmedText(body);
      onConfirmed(summary);
      return summary;
    });
  };
  return (
    <section aria-labelledby="confirmation-file">
      <h2 id="confirmation-file">Confirm from the settlement bank's file</h2>
      <p class="muted">
        The bank moved the money already: its file is the record, so no second operator is needed.
        Header <code>{fileHeader}</code>, one line per participant it paid or was paid by.
      </p>
      <form class="stacked-form" onSubmit={send}>
        <div class="field">
          <label for={fileId}>Read from a file</label>
          <input id={fileId} type="file" accept=".csv,text/csv,text/plain" onChange={readFile} />
        </div>
        <div class="field">
          <label for={textId}>Confirmation file (CSV)</label>
          <textarea
            id={textId}
            name="file"
            rows={6}
            spellcheck={false}
            placeholder={`${fileHeader}\n${window.id},bank-a,pay,25.50,${window.currency}`}
            value={text}
            onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
            required
          />
        </div>
        <div>
          <button type="submit" disabled={action.busy}>
            Confirm from file
          </button>
        </div>
      </form>
      {/* The refused lines show here, by the file; what moved shows at the top of the page. */}
      <ProblemNotice problem={action.problem} />
    </section>
  );
}
