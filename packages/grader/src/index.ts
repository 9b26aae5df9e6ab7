export { gradeCli } from './cli';
export { connectionVerdict, isLoopback } from './guard/connection-verdict';
export { gradeExercise } from './grade';
export { resolveLayout } from './layout';
export { toJsonReport } from './report/json-report';
export { exerciseConfig } from './vitest/exercise-config';
