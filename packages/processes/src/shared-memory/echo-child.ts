// Sends every message straight back: a round trip measures serialize + copy + deserialize, twice.
process.on('message', (m) => process.send!(m));
process.send!('ready');
