export { type CliIo, menuCli } from './cli';
export { type CourseEntry, courseEntries, courseLessons } from './course';
export { formatList, usage } from './list';
export {
  type CourseView,
  courseView,
  formatNext,
  formatProgress,
  formatStatus,
  summaryLine,
} from './progress';
export { allLessons, groups } from './registry';
