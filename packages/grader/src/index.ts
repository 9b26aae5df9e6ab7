export { exerciseConfig } from './vitest/exercise-config';
