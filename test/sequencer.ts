/**
 * The order test files start in: the slowest first, so that the two workers
 * finish together instead of one running a long file alone at the end. A
 * fresh clone has no timing cache, so the slow ones are named here; the rest
 * keep vitest's own order.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const SLOWEST_FIRST = ["test/readme/recipes.test.ts", "test/impl/conform.test.ts", "test/cli/ci.test.ts", "test/impl/race.test.ts", "test/readme/readme.test.ts"];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOWEST_FIRST.findIndex((name) => f.moduleId.endsWith(name));
      return i < 0 ? SLOWEST_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
