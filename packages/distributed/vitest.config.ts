import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // One real redis-server for the whole run (each test file uses its own queues).
      globalSetup: ['./test/redis-global-setup.ts'],
    },
  }),
);
