/** An error whose message is written for the user; `exitCode` is what the process exits with. */
export class FlashError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line asked for something impossible: a bad option value, a missing cards folder. */
export class UsageError extends FlashError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The progress store cannot be read or written; the message names the file and what to do. */
export class StoreError extends FlashError {}
