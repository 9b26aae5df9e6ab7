import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

// One test file at a time: these tests measure speed-ups, and a second file running beside them
// would take the second core they are measuring.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }));
