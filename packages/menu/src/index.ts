export { type CliIo, menuCli } from './cli';
export { closeMatches, editDistance } from './close-matches';
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
