import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

export default mergeConfig(
  shared,
  defineConfig({
    // The fixture exercises' tests are run by the grader under test, never directly.
    test: { exclude: ['**/node_modules/**', 'test/fixtures/**', '.tmp/**'] },
  }),
);
