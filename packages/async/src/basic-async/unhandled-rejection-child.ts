import { runRejectionScenario } from './rejection-scenarios';

// Runs one scenario in its own process: an unhandled rejection ends the whole process.
process.once('message', (scenario) => runRejectionScenario(String(scenario), (m) => process.send!(m)));
