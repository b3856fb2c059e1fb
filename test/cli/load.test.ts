/**
 * Loading a project: its properties are discovered in the properties folder,
 * unless the caller (a worker thread of a check that names no property) says
 * it has no use for them.
 */
import { describe, expect, it } from "vitest";
// The loader imports compiled modules, so this test uses the build (npm test builds first).
import { loadSource } from "../../dist/checker/cli/load.js";
import { workerModel } from "../../dist/checker/worker-model.js";
import { ROOT } from "./run-cli.js";
import { matrix } from "./declarations.js";

describe("loading a project", () => {
  it("discovers the properties folder, and skips it when told to", { tags: ["declarations"] }, async () => {
    const discovered = await loadSource({ projectRoot: ROOT });
    // The matrix declares an expectation for every property of the project.
    expect(discovered.properties.map((p) => p.name).sort()).toEqual(Object.keys(matrix().configurations[0]!.expect).sort());
    // The model module itself exports no property: every one of this project's is a file in properties/.
    const modelOnly = await loadSource({ projectRoot: ROOT }, { discover: false });
    expect(modelOnly.properties).toEqual([]);
    expect(modelOnly.family.name).toBe(discovered.family.name);
  });

  it("a worker thread loads the properties a check names, and none otherwise", async () => {
    const loaded = await loadSource({ projectRoot: ROOT });
    const spec = (properties: string[]) => ({ origin: { module: loaded.module, variant: "incident", params: {}, propertyModules: loaded.propertyModules }, properties });
    expect((await workerModel(spec(["no-regression"]))).properties.map((p) => p.name)).toEqual(["no-regression"]);
    expect((await workerModel(spec([]))).properties).toEqual([]);
  });
});
