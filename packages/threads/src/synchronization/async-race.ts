import { AsyncMutex } from './async-mutex';

/** A pretend remote account: every read and write is an `await` (a database, a file, a fetch). */
class Account {
  private balance: number;
  constructor(balance: number) {
    this.balance = balance;
  }
  async read(): Promise<number> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.balance;
  }
  async write(value: number): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.balance = value;
  }
}

/**
 * Two withdrawals of `amount` from an account holding `start`, run concurrently on ONE thread. No
 * worker in sight, yet the unsafe version loses an update: both read the same balance before either
 * writes (a check-then-act race across `await`). The fixed version runs each read-modify-write under
 * an AsyncMutex.
 *
 * @example
 * await withdrawTwice({ start: 100, amount: 30, locked: false }); // { final: 70, ... } — 30 vanished
 */
export async function withdrawTwice({
  start,
  amount,
  locked,
}: {
  start: number;
  amount: number;
  locked: boolean;
}) {
  const account = new Account(start);
  const lock = new AsyncMutex();
  const withdraw = async () => {
    const balance = await account.read();
    if (balance < amount) return false;
    // HAZARD: between this read and the write below, the other withdrawal runs its read.
    await account.write(balance - amount);
    return true;
  };
  const run = () => (locked ? lock.run(withdraw) : withdraw());
  const succeeded = (await Promise.all([run(), run()])).filter(Boolean).length;
  const final = await account.read();
  return { locked, start, succeeded, final, expected: start - succeeded * amount };
}
