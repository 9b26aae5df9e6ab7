import { cancellation } from './cancellation';

// In a fresh process no test runner or menu owns timers, so "timers left" counts only ours.
process.once('message', (timeoutMs) => void cancellation(Number(timeoutMs)).then((r) => process.send!(r)));
