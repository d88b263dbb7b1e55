import { type TLiteral, type TUnion, Type } from "@sinclair/typebox";

/** A schema accepting exactly the listed strings, typed as their union. */
export function literalUnion<const Value extends string>(
  values: readonly Value[],
  options: { readonly description?: string } = {},
): TUnion<TLiteral<Value>[]> {
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  );
}
