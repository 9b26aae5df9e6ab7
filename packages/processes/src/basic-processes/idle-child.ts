// Says it is up, then idles until something ends it.
process.send!('up');
setInterval(() => {}, 1_000);
