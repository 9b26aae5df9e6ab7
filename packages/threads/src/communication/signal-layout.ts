/** Slots of the Int32Array the SharedArrayBuffer signalling demo shares with its worker. */
export const SIGNAL = { request: 0, reply: 1, input: 2, output: 3, slots: 4 } as const;
