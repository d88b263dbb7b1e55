import { expect, it } from "vitest";
import { firstDuplicateKey } from "../../src/api/duplicate-key.ts";

it.each([
  ['{"id":"a","id":"b"}', "id"],
  ['{"id":"a","\\u0069d":"b"}', "id"],
  ['{"a":{"x":1,"x":2}}', "x"],
  ['{"transfers":[{"id":"1"},{"id":"2","amount":"1","amount":"2"}]}', "amount"],
  ['[{"k":1},{"k":2,"k":3}]', "k"],
  ['{"a\\"b":1,"a\\"b":2}', 'a"b'],
])("finds the repeated name in %s", (text, name) => {
  expect(firstDuplicateKey(text)).toBe(name);
});

it.each([
  '{"id":"a","name":"id"}',
  '{"a":{"id":1},"b":{"id":2}}',
  '[{"id":1},{"id":2}]',
  '{"s":"{\\"id\\":1,\\"id\\":2}","id":3}',
  '{"a\\\\":1,"a":2}',
  '{"a":{},"b":[],"c":[{}],"d":"]}"}',
  '"id"',
  "[1,2,3]",
  "{}",
])("finds none in %s", (text) => {
  expect(firstDuplicateKey(text)).toBeUndefined();
});
