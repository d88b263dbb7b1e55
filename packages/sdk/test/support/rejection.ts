import { expect } from "vitest";

/** What a call was rejected with; fails the test if it resolved or threw something else. */
export async function rejection<ErrorType>(
  call: Promise<unknown>,
  type: abstract new (...args: never[]) => ErrorType,
): Promise<ErrorType> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(type);
  return error as ErrorType;
}
