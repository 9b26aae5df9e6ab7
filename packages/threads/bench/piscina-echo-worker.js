// piscina's worker shape: the module exports the task function.
module.exports = (input) => input;
