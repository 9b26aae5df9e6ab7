import { serveTasks } from './serve-tasks';

// The tiniest task: what a pool costs per task when the task itself costs nothing.
serveTasks((input: unknown) => input);
