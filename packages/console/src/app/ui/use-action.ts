import { useState } from "preact/hooks";
import type { Problem } from "../api-client.ts";
import { problemOf } from "./use-resource.ts";

export interface Action {
  readonly busy: boolean;
  readonly problem: Problem | undefined;
  /** What the last successful run reported, for a status line. */
  readonly notice: string | undefined;
  /** Runs `work` once at a time; its string result becomes the notice. */
  run(work: () => Promise<string>): Promise<void>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  return {
    busy,
    problem,
    notice,
    async run(work) {
      if (busy) return;
      setBusy(true);
      setProblem(undefined);
      setNotice(undefined);
      try {
        setNotice(await work());
      } catch (error) {
        setProblem(problemOf(error));
      } finally {
        setBusy(false);
      }
    },
  };
}
