import { exerciseConfig } from '@course/grader/vitest-config';

export default exerciseConfig(__dirname, 'solution');
