/** A statement and its parameters: what the read repository runs, and what a bench EXPLAINs. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: unknown[];
}
