/**
 * Who sent a request, as far as the API could tell: "operator" (the operator's own participant
 * id), a participant's id once its signature verified, or "anonymous", an id no participant
 * may take.
 */
export type RequestCaller = "operator" | "anonymous" | (string & {});

export interface RequestRecord {
  /** The route's URL template (`/operator/v1/participants/:participantId`); undefined when none matched. */
  readonly route: string | undefined;
  readonly method: string;
  readonly statusCode: number;
  readonly caller: RequestCaller;
  readonly durationSeconds: number;
}

export interface RenderedMetrics {
  readonly contentType: string;
  readonly body: string;
}

/** What the HTTP layer tells the metrics, and the scrape it serves from them. */
export interface RequestMetrics {
  recordRequest(request: RequestRecord): void;
  render(): Promise<RenderedMetrics>;
}
