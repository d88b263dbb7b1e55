import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const vendored = fileURLToPath(new URL("../../../iso20022/", import.meta.url));
/** `<repo root>/../shared/iso20022`: the project's shared copy, absent where CI clones alone. */
const shared = fileURLToPath(new URL("../../../../../../shared/iso20022/", import.meta.url));

describe("vendored ISO 20022 schemas", () => {
  it("holds every schema the writers name", async () => {
    const files = await readdir(vendored);
    for (const name of [
      "pacs.009.001.09",
      "pacs.002.001.11",
      "camt.053.001.08",
      "camt.052.001.08",
      "camt.054.001.08",
    ]) {
      expect(files).toContain(`${name}.xsd`);
    }
  });

  it.runIf(existsSync(shared))("are byte-identical to the shared copy", async () => {
    const sharedSchemas = (await readdir(shared)).filter((file) => file.endsWith(".xsd"));
    const vendoredSchemas = (await readdir(vendored)).filter((file) => file.endsWith(".xsd"));
    expect(vendoredSchemas.sort()).toEqual(sharedSchemas.sort());
    for (const file of sharedSchemas) {
      const [ours, theirs] = await Promise.all([
        readFile(`${vendored}${file}`),
        readFile(`${shared}${file}`),
      ]);
      expect(ours.equals(theirs), file).toBe(true);
    }
  });
});
