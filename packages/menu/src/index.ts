export { type CliIo, menuCli } from './cli';
export { closeMatches, editDistance } from './close-matches';
export { type CourseEntry, courseEntries, courseLessons } from './course';
export { formatList, USAGE } from './list';
export { allLessons, groups } from './registry';
