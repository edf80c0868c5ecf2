/** How the process ends, every code in one place (the README's "Exit codes"). */
export enum ExitCode {
  Ok = 0,
  Failure = 1,
  Usage = 2,
  /** 128 + the signal's number, as shells report a program a signal ended. */
  HungUp = 129,
  Interrupted = 130,
  Terminated = 143,
}

/** An error whose message is written for the user; `exitCode` is what the process exits with. */
export class FlashError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.Failure,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line asked for something impossible: a bad option value, a missing cards folder. */
export class UsageError extends FlashError {
  constructor(message: string) {
    super(message, ExitCode.Usage);
  }
}

/** The progress store cannot be read or written; the message names the file and what to do. */
export class StoreError extends FlashError {}
