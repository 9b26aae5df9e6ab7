// Preloaded (through COURSE_PRELOAD, see the runtime's exec-argv.ts) into every worker thread and
// child process that code under test starts: each has its own `net`, so each needs its own guard.
import { installNetGuard } from './install-net-guard';

installNetGuard();
