export { gradeCli } from './cli';
export { gradeExercise } from './grade';
export { connectionVerdict, isLoopback } from './guard/connection-verdict';
export { resolveLayout } from './layout';
export { toJsonReport } from './report/json-report';
export { exerciseConfig } from './vitest/exercise-config';
