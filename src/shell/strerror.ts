/** strerror() as glibc words it, for the errnos the live configuration functions return. */
import type { Errno } from '../engine';

const TEXT: Readonly<Record<Errno | 'EOPNOTSUPP', string>> = {
  EEXIST: 'File exists',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENODEV: 'No such device',
  ESRCH: 'No such process',
  ENETUNREACH: 'Network is unreachable',
  EINVAL: 'Invalid argument',
  ENOENT: 'No such file or directory',
  EOPNOTSUPP: 'Operation not supported',
};

export function strerror(e: Errno | 'EOPNOTSUPP'): string {
  return TEXT[e];
}
