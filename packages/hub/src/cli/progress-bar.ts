import cliProgress from "cli-progress";

/** A unit of long work the CLI reports on standard error as it goes. */
export interface Progress {
  /** Counts `done` more units of the total. */
  advance(done?: number): void;
  stop(): void;
}

const silent: Progress = { advance: () => {}, stop: () => {} };

/**
 * A progress bar on standard error (cli-progress), so standard output stays the command's
 * answer for scripts. Not drawn with `--json` or when standard error is no terminal, where
 * redrawn lines would only litter a log.
 */
export function progressBar(what: string, total: number, quiet = false): Progress {
  if (quiet || !process.stderr.isTTY || total <= 0) return silent;
  const bar = new cliProgress.SingleBar(
    {
      format: `${what} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    advance: (done = 1) => bar.increment(done),
    stop: () => bar.stop(),
  };
}
