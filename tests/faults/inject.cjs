// Fault injection for tests, loaded into a real CLI process with `node --require`. It wraps every call of node:fs that
// changes the disk (a "step") and, as the FAULT_INJECT environment variable asks, fails one with an errno or kills the
// process with SIGKILL at one. FAULT_TRACE names a file that gets one line per step, so a test can count them.
//
// FAULT_INJECT is JSON:
//   {"killAt": 3}                                    SIGKILL just before the third step
//   {"fail": {"path": "reviews.jsonl", "op": "write", "code": "ENOSPC", "partial": true}}
//     the first step whose op and path match throws that errno (`partial`: a write writes half and reports it,
//     as a full disk does); `op` and `path` may be left out to match any; `times` (default 1) fails that many.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const { syncBuiltinESMExports } = require('node:module');

const plan = JSON.parse(process.env.FAULT_INJECT || '{}');
const original = { ...fs };
// Opened and written with the unwrapped calls: tracing must not count as a step.
const traceFd = process.env.FAULT_TRACE ? original.openSync(process.env.FAULT_TRACE, 'a') : null;
const fdPaths = new Map();
let steps = 0;
let failuresLeft = plan.fail ? (plan.fail.times ?? 1) : 0;

const WRITE_FLAGS = /[wa+]/;
const isWriteOpen = (flags) =>
  typeof flags === 'number'
    ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0
    : WRITE_FLAGS.test(flags ?? 'r');

function errnoError(code, op, file) {
  const errno = os.constants.errno[code];
  const error = new Error(`${code}: injected fault, ${op} '${file}'`);
  Object.assign(error, { code, errno: errno === undefined ? undefined : -errno, syscall: op, path: file });
  return error;
}

// Counts a step; kills the process or says whether this step must fail.
function step(op, file) {
  steps += 1;
  if (traceFd !== null) original.writeSync(traceFd, `${steps} ${op} ${file}\n`);
  if (plan.killAt === steps) {
    process.kill(process.pid, 'SIGKILL');
    for (;;); // the signal may take a moment to land
  }
  const fail = plan.fail;
  if (!fail || failuresLeft === 0) return false;
  if (fail.op && fail.op !== op) return false;
  if (fail.path && !String(file).includes(fail.path)) return false;
  failuresLeft -= 1;
  return true;
}

function wrap(name, op, pathOf, onFail) {
  const real = original[name];
  fs[name] = function (...args) {
    const file = pathOf(args);
    if (step(op, file)) {
      if (onFail) return onFail(real, args, file);
      throw errnoError(plan.fail.code, op, file);
    }
    return real.apply(this, args);
  };
}

const first = (args) => String(args[0]);
const byFd = (args) => fdPaths.get(args[0]) ?? `fd ${args[0]}`;

const realOpen = original.openSync;
fs.openSync = function (file, flags, mode) {
  if (isWriteOpen(flags) && step('open', String(file))) throw errnoError(plan.fail.code, 'open', String(file));
  const fd = realOpen.call(this, file, flags, mode);
  fdPaths.set(fd, String(file));
  return fd;
};
wrap('writeSync', 'write', byFd, (real, args, file) => {
  const [fd, data] = args;
  if (!plan.fail.partial || typeof data === 'string' || data.length < 2)
    throw errnoError(plan.fail.code, 'write', file);
  return real(fd, data.subarray(0, Math.floor(data.length / 2)));
});
wrap('writeFileSync', 'write', first);
wrap('appendFileSync', 'write', first);
wrap('fsyncSync', 'fsync', byFd);
wrap('ftruncateSync', 'truncate', byFd);
wrap('truncateSync', 'truncate', first);
wrap('renameSync', 'rename', (args) => `${args[0]} -> ${args[1]}`);
wrap('linkSync', 'link', (args) => `${args[0]} -> ${args[1]}`);
wrap('mkdirSync', 'mkdir', first);
wrap('rmSync', 'remove', first);
wrap('unlinkSync', 'remove', first);
wrap('rmdirSync', 'remove', first);
wrap('copyFileSync', 'write', (args) => String(args[1]));
syncBuiltinESMExports();
