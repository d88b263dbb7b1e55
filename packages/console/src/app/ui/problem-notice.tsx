import type { Problem, ProblemItem } from "../api-client.ts";

/** Where an error points, as the operator reads it: `/lines/3` is "Line 3" of the file sent. */
export function placeOf(pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const line = /^\/lines\/(\d+)$/.exec(pointer);
  return line === null ? pointer : `Line ${line[1]}`;
}

function ProblemItems({ items }: { readonly items: readonly ProblemItem[] }) {
  return (
    <ul class="problem-items">
      {items.map((item, index) => {
        const place = placeOf(item.pointer);
        return (
          // The API's order is the file's; the list is never reordered.
          <li key={index} data-pointer={item.pointer}>
            {place !== undefined && <strong>{place}: </strong>}
            <code>{item.code}</code>
            {item.detail !== undefined && <> — {item.detail}</>}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A refusal as the API put it: its title, its stable code, the detail when there is one, and
 * each itemised error (a file's refused lines, the participants short of funds).
 */
export function ProblemNotice({ problem }: { readonly problem: Problem | undefined }) {
  if (problem === undefined) return null;
  return (
    <div class="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.code !== "" && <code class="problem-code">{problem.code}</code>}
      {problem.detail !== undefined && <p>{problem.detail}</p>}
      {problem.errors !== undefined && <ProblemItems items={problem.errors} />}
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
