/** How the process ends; SPEC.md "Exit codes and output". */
export enum ExitCode {
  Ok = 0,
  Failure = 1,
  Usage = 2,
  Interrupted = 130,
}
