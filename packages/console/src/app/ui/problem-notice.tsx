import type { Problem } from "../api-client.ts";

/** A refusal as the API put it: its title, its stable code, and the detail when there is one. */
export function ProblemNotice({ problem }: { readonly problem: Problem | undefined }) {
  if (problem === undefined) return null;
  return (
    <div class="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.code !== "" && <code class="problem-code">{problem.code}</code>}
      {problem.detail !== undefined && <p>{problem.detail}</p>}
    </div>
  );
}

export function ActionOutcome({
  action,
}: {
  readonly action: { problem: Problem | undefined; notice: string | undefined };
}) {
  return (
    <>
      <ProblemNotice problem={action.problem} />
      {action.notice !== undefined && (
        <p class="notice" role="status">
          {action.notice}
        </p>
      )}
    </>
  );
}
