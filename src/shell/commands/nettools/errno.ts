/** strerror() of the errnos the live configuration functions return, as glibc words them. */
import type { Errno } from '../../../engine';

const TEXT: Readonly<Record<Errno, string>> = {
  EEXIST: 'File exists',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENODEV: 'No such device',
  ESRCH: 'No such process',
  ENETUNREACH: 'Network is unreachable',
  EINVAL: 'Invalid argument',
  ENOENT: 'No such file or directory',
};

export function errnoText(e: Errno): string {
  return TEXT[e];
}
