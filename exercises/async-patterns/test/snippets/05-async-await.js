// Snippet 5: async functions run synchronously up to their first await.
async function load() {
  console.log('A');
  await null;
  console.log('B');
  await new Promise((resolve) => setTimeout(resolve, 0));
  console.log('C');
}

load().then(() => console.log('D'));
Promise.resolve().then(() => console.log('E'));
console.log('F');
