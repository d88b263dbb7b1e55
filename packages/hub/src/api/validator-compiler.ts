import type { TSchema } from "@sinclair/typebox";
import { TypeCompiler, type ValueError } from "@sinclair/typebox/compiler";
import { Value } from "@sinclair/typebox/value";
import type { FastifySchemaCompiler } from "fastify";

/** An error names at most this many allowed values; beyond, it says how many there are. */
const allowedValuesShownMax = 20;

/** The strings a schema allows, when it is a set of literals (a union of consts, or an enum). */
function allowedValues(schema: TSchema): readonly unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  const variants = schema.anyOf;
  if (!Array.isArray(variants) || variants.length === 0) return undefined;
  if (!variants.every((variant: TSchema) => "const" in variant)) return undefined;
  return variants.map((variant: TSchema) => variant.const);
}

/** TypeBox says "Expected union value" of a value outside a set: name the set instead. */
function messageOf(error: ValueError): string {
  const allowed = allowedValues(error.schema);
  if (allowed === undefined) return error.message;
  const shown = allowed.slice(0, allowedValuesShownMax).map((value) => JSON.stringify(value));
  const more = allowed.length > shown.length ? `, … (${allowed.length} in all)` : "";
  return `Expected one of ${shown.join(", ")}${more}`;
}

/**
 * TypeBox's compiled checks, as @fastify/type-provider-typebox runs them (bodies are never
 * coerced; parameters and queries are converted from their strings first), with errors that
 * name the allowed values of an enumeration. Every schema error of every route passes here.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  return (value: unknown) => {
    const converted = httpPart === "body" ? value : Value.Convert(schema, value);
    if (check.Check(converted)) return { value: converted };
    // Only the message and the path are read (problem.ts); the rest is what Fastify's type asks.
    const errors = [...check.Errors(converted)].map((error) => ({
      message: messageOf(error),
      instancePath: error.path,
      keyword: String(error.type),
      schemaPath: "",
      params: {},
    }));
    return { error: errors };
  };
};
